using WellbeingIndex.Abstractions;

namespace WellbeingIndex.Engine.Definition;

/// <summary>
/// The definition's <c>time</c> block: how scores are made comparable over periods, and for a framework the periods its
/// series covers. Period texts use <see cref="ReferencePeriod"/>'s form (2015, 2015/16, 2015-03).
/// </summary>
/// <param name="Mode">Per-period, pooled or base-period.</param>
/// <param name="Base">The base period (base-period mode only, required there).</param>
/// <param name="BaseWeights">
/// Base-period mode: a data column (not an indicator of the hierarchy, e.g. population) whose base-period values weight
/// the base statistics (z-score mean and sd); null for equal weights.
/// </param>
/// <param name="From">First period of a framework's published series; null = its earliest.</param>
/// <param name="To">Last period of a framework's published series; null = its latest.</param>
public sealed record TimeDefinition(TimeMode Mode, string? Base = null, string? BaseWeights = null, string? From = null, string? To = null)
{
    public static TimeDefinition PerPeriod { get; } = new(TimeMode.PerPeriod);

    public static TimeDefinition Pooled { get; } = new(TimeMode.Pooled);

    /// <summary>The mode's spelling in definitions and on the command line.</summary>
    public static string ModeName(TimeMode mode) => mode switch
    {
        TimeMode.PerPeriod => "per-period",
        TimeMode.Pooled => "pooled",
        _ => "base-period",
    };

    public static bool TryParseMode(string? text, out TimeMode mode)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "per-period": mode = TimeMode.PerPeriod; return true;
            case "pooled": mode = TimeMode.Pooled; return true;
            case "base-period": mode = TimeMode.BasePeriod; return true;
            default: mode = TimeMode.PerPeriod; return false;
        }
    }

    /// <summary>
    /// The command line's <c>--time</c> value: <c>per-period</c>, <c>pooled</c> or <c>base=PERIOD</c>.
    /// </summary>
    /// <exception cref="FormatException">Anything else, or a base that is not a period.</exception>
    public static TimeDefinition ParseFlag(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (t.StartsWith("base=", StringComparison.OrdinalIgnoreCase))
        {
            var b = t[5..].Trim();
            return ReferencePeriod.TryParse(b, out var p)
                ? new TimeDefinition(TimeMode.BasePeriod, p.ToString())
                : throw new FormatException($"--time base='{b}' is not a period: use 2019, 2019/20, 2019-03 or 2019-03-31.");
        }

        return TryParseMode(t, out var mode) && mode != TimeMode.BasePeriod
            ? new TimeDefinition(mode)
            : throw new FormatException($"--time '{text}' must be per-period, pooled or base=PERIOD (for example base=2018).");
    }

    public override string ToString() => Mode == TimeMode.BasePeriod ? $"base-period (base {Base})" : ModeName(Mode);
}
