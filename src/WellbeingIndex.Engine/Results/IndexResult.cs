using System.Collections.Immutable;
using WellbeingIndex.Engine.Data;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Pipeline;

namespace WellbeingIndex.Engine.Results;

/// <summary>
/// Everything a run produced: each intermediate table in the order the recipe made it, every node's scores with ranks,
/// and a log of what imputation and treatment changed. Together with the definition and data it is reproducible.
/// </summary>
public sealed class IndexResult
{
    private readonly ImmutableDictionary<string, NodeScores> _scores;

    internal IndexResult(IndexDefinition definition, IndicatorData input, ImmutableArray<string> areaCodes, ImmutableArray<string> areaNames,
        IReadOnlyList<ResultTable> tables, IReadOnlyList<NodeScores> scores, IReadOnlyList<TreatmentOutcome> treatments,
        IReadOnlyDictionary<string, int> imputedCounts, ScreenOutcome? screening, IReadOnlyDictionary<string, double> weights)
    {
        Weights = weights;
        Definition = definition;
        Input = input;
        AreaCodes = areaCodes;
        AreaNames = areaNames;
        Screening = screening;
        Tables = tables;
        Scores = scores;
        _scores = scores.ToImmutableDictionary(s => s.Code, StringComparer.Ordinal);
        Treatments = treatments;
        ImputedCounts = imputedCounts;
    }

    public IndexDefinition Definition { get; }

    /// <summary>The data the run was computed from, so the run can be replayed with variations (uncertainty, what-if).</summary>
    public IndicatorData Input { get; }

    /// <summary>The areas of every table and score: the input's, less any a screen step removed.</summary>
    public ImmutableArray<string> AreaCodes { get; }

    public ImmutableArray<string> AreaNames { get; }

    /// <summary>Tables in the order made: raw, then one per step (imputed, treated, normalised), then aggregated.</summary>
    public IReadOnlyList<ResultTable> Tables { get; }

    /// <summary>Every node's scores: indicators (their final, normalised values) then aggregates bottom-up.</summary>
    public IReadOnlyList<NodeScores> Scores { get; }

    public IReadOnlyList<TreatmentOutcome> Treatments { get; }

    /// <summary>
    /// The weight each node (but the index) had within its parent in this run: its definition weight, or what its
    /// parent's <c>weighting</c> (equal, pca, balance) computed from the data.
    /// </summary>
    public IReadOnlyDictionary<string, double> Weights { get; }

    /// <summary>What the screen step kept and removed; null without a screen step.</summary>
    public ScreenOutcome? Screening { get; }

    /// <summary>Indicator code → number of values imputed.</summary>
    public IReadOnlyDictionary<string, int> ImputedCounts { get; }

    public NodeScores Index => _scores[Definition.Root.Code];

    public NodeScores this[string code] =>
        _scores.TryGetValue(code, out var s) ? s : throw new KeyNotFoundException($"No node '{code}' in the result.");

    public ResultTable Table(string name) =>
        Tables.FirstOrDefault(t => t.Name == name) ?? throw new KeyNotFoundException($"No table '{name}' in this run.");

    public bool HasTable(string name) => Tables.Any(t => t.Name == name);
}
