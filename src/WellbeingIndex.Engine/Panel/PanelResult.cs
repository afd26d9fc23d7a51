using System.Collections.Immutable;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Engine.Data;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Results;

namespace WellbeingIndex.Engine.Panel;

/// <summary>
/// A panel run: one <see cref="IndexResult"/> per period (ranks, deciles and coverage within the period), the time mode
/// that makes their scores comparable, the parameters fitted on the pooled or base data, and every value imputed over
/// time with where it came from.
/// </summary>
public sealed class PanelResult
{
    internal PanelResult(IndexDefinition definition, TimeDefinition time, PanelData input, IReadOnlyList<IndexResult> results,
        IReadOnlyList<ImputedCell> imputed, IReadOnlyList<FittedStep> fits)
    {
        Definition = definition;
        Time = time;
        Input = input;
        Results = [.. results];
        Imputed = imputed;
        Fits = fits;
    }

    /// <summary>The definition as run (its time block is <see cref="Time"/>).</summary>
    public IndexDefinition Definition { get; }

    public TimeDefinition Time { get; }

    /// <summary>The panel after imputation over time.</summary>
    public PanelData Input { get; }

    public ImmutableArray<ReferencePeriod> Periods => Input.Periods;

    /// <summary>One result per period, oldest first.</summary>
    public ImmutableArray<IndexResult> Results { get; }

    /// <summary>Every value imputed over time, with its method and source period(s).</summary>
    public IReadOnlyList<ImputedCell> Imputed { get; }

    /// <summary>Parameters fitted on the pooled or base data (empty per-period, where each period fits its own).</summary>
    public IReadOnlyList<FittedStep> Fits { get; }

    /// <summary>The result of <paramref name="period"/>.</summary>
    /// <exception cref="KeyNotFoundException">The panel has no such period.</exception>
    public IndexResult this[ReferencePeriod period] =>
        Input.IndexOf(period) is var i and >= 0 ? Results[i] : throw new KeyNotFoundException($"No period {period} in the panel ({string.Join(", ", Periods)}).");
}
