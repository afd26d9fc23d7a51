using System.Diagnostics;
using NodaTime;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Engine;
using WellbeingIndex.Engine.Data;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Diagnostics;
using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Panel;
using WellbeingIndex.Engine.Pipeline;

namespace WellbeingIndex.Providers;

/// <summary>
/// Computes a framework from its providers: asks each indicator's provider for its values at a period, turns them into
/// the engine's columns (a value the publisher withheld or does not have becomes NaN; an Unreliable value is used and
/// stays flagged in <see cref="FrameworkRun.Values"/>) and runs the definition's recipe.
/// </summary>
public sealed class FrameworkRunner
{
    private readonly ProviderCatalog _providers;
    private readonly IClock _clock;

    public FrameworkRunner(ProviderCatalog providers, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(providers);
        ArgumentNullException.ThrowIfNull(clock);
        _providers = providers;
        _clock = clock;
    }

    /// <summary>
    /// Runs <paramref name="framework"/> (or <paramref name="definitionOverride"/>, a what-if variant) at
    /// <paramref name="period"/>: each area gets each indicator's latest value at or before it, dated.
    /// </summary>
    /// <param name="framework">The framework; its areas bound which codes may be asked for.</param>
    /// <param name="period">The period asked for; each value records the period it actually refers to.</param>
    /// <param name="areaCodes">A subset of the framework's areas, in the order wanted; null for all of them.</param>
    /// <param name="definitionOverride">A what-if definition run instead of the framework's own.</param>
    /// <param name="ct">Cancels the fetch and the computation.</param>
    /// <exception cref="ArgumentException">An area code is not one of the framework's, or appears twice.</exception>
    /// <exception cref="IndexComputationException">An indicator has no provider, or no value for any area at the period.</exception>
    public async Task<FrameworkRun> ComputeAsync(Framework framework, ReferencePeriod period, IReadOnlyList<string>? areaCodes = null,
        IndexDefinition? definitionOverride = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var definition = definitionOverride ?? framework.Definition;
        var names = framework.Areas.ToDictionary(a => a.Code, a => a.Name, StringComparer.Ordinal);
        var codes = areaCodes ?? framework.Areas.Select(a => a.Code).ToList();
        CheckAreas(framework, codes, names);
        using var activity = StartCompute(framework, "run", period, codes.Count);
        var (data, values, metadata) = await FetchAsync(framework, definition, codes, names, period, ct).ConfigureAwait(false);
        var result = IndexPipeline.Run(definition, data, cancellationToken: ct);
        Computed(framework, "run");
        return new FrameworkRun(framework with { Definition = definition }, period, result, values, metadata, _clock.GetCurrentInstant());
    }

    /// <summary>
    /// Computes <paramref name="framework"/> at every period from <paramref name="from"/> to <paramref name="to"/>
    /// (stepping by the kind of <paramref name="from"/>: a year, or a month) as one panel whose scores are comparable as
    /// the time mode says (<paramref name="time"/>, else the definition's time block, else per-period). At each period
    /// every value is the latest at or before it, and keeps its own reference period.
    /// </summary>
    /// <exception cref="ArgumentException">from is after to, the span is not of years or months, or an area is unknown.</exception>
    /// <exception cref="IndexComputationException">A period cannot be computed (an indicator without any value), or the panel run fails.</exception>
    public async Task<FrameworkSeries> ComputeSeriesAsync(Framework framework, ReferencePeriod from, ReferencePeriod to,
        TimeDefinition? time = null, IReadOnlyList<string>? areaCodes = null, IndexDefinition? definitionOverride = null,
        MethodSpec? imputePanel = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var definition = definitionOverride ?? framework.Definition;
        var names = framework.Areas.ToDictionary(a => a.Code, a => a.Name, StringComparer.Ordinal);
        var codes = areaCodes ?? framework.Areas.Select(a => a.Code).ToList();
        CheckAreas(framework, codes, names);
        var periods = Span(from, to);
        using var activity = StartCompute(framework, "series", from, codes.Count);
        var fetched = new List<(IndicatorData Data, Dictionary<string, IReadOnlyList<IndicatorValue>> Values, Dictionary<string, IndicatorMetadata> Metadata)>();
        foreach (var period in periods)
        {
            fetched.Add(await FetchAsync(framework, definition, codes, names, period, ct).ConfigureAwait(false));
        }

        var panel = new PanelData([.. periods.Select((p, i) => (p, fetched[i].Data))], [.. fetched.Select(f => IntervalsOf(f.Values, codes.Count))]);
        var result = PanelPipeline.Run(definition, panel, new PanelOptions(time, imputePanel), cancellationToken: ct);
        Computed(framework, "series");
        return new FrameworkSeries(framework with { Definition = result.Definition }, result,
            [.. fetched.Select(f => (IReadOnlyDictionary<string, IReadOnlyList<IndicatorValue>>)f.Values)], fetched[0].Metadata, _clock.GetCurrentInstant());
    }

    private static Activity? StartCompute(Framework framework, string kind, ReferencePeriod period, int areas) =>
        WellbeingTelemetry.Start(WellbeingTelemetry.RunCompute)?.SetTag(WellbeingTelemetry.FrameworkId, framework.Id)
            .SetTag(WellbeingTelemetry.RunKind, kind).SetTag(WellbeingTelemetry.Period, period.ToString()).SetTag(WellbeingTelemetry.Areas, areas);

    private static void Computed(Framework framework, string kind) => WellbeingTelemetry.RunsComputed.Add(1,
        new KeyValuePair<string, object?>(WellbeingTelemetry.FrameworkId, framework.Id), new KeyValuePair<string, object?>(WellbeingTelemetry.RunKind, kind));

    /// <summary>The publishers' 95% intervals of usable values, per indicator that has any (NaN where a value has none).</summary>
    private static IReadOnlyDictionary<string, IntervalColumn> IntervalsOf(Dictionary<string, IReadOnlyList<IndicatorValue>> values, int areas)
    {
        var intervals = new Dictionary<string, IntervalColumn>(StringComparer.Ordinal);
        foreach (var (code, answer) in values)
        {
            if (!answer.Any(v => v.Interval is not null))
            {
                continue;
            }

            var column = new IntervalColumn(new double[areas], new double[areas]);
            for (var i = 0; i < areas; i++)
            {
                var usable = answer[i].Value is not null && answer[i].Status is ValueStatus.Ok or ValueStatus.Unreliable;
                (column.Lower[i], column.Upper[i]) = usable && answer[i].Interval is { } ci ? (ci.Lower, ci.Upper) : (double.NaN, double.NaN);
            }

            intervals[code] = column;
        }

        return intervals;
    }

    /// <summary>The periods from <paramref name="from"/> to <paramref name="to"/> inclusive, a year or a month apart.</summary>
    /// <exception cref="ArgumentException">from is after to, or they are days or of different kinds.</exception>
    public static IReadOnlyList<ReferencePeriod> Span(ReferencePeriod from, ReferencePeriod to)
    {
        if (from.Kind != to.Kind)
        {
            throw new ArgumentException($"from {from} and to {to} must be the same kind of period.", nameof(to));
        }

        if (from > to)
        {
            throw new ArgumentException($"from {from} is after to {to}.", nameof(from));
        }

        var periods = new List<ReferencePeriod>();
        for (var p = from; p <= to; p = Next(p))
        {
            periods.Add(p);
        }

        return periods;
    }

    private static ReferencePeriod Next(ReferencePeriod p) => p.Kind switch
    {
        PeriodKind.CalendarYear => ReferencePeriod.ForCalendarYear(p.Start.Year + 1),
        PeriodKind.FinancialYear => ReferencePeriod.ForFinancialYear(p.Start.Year + 1),
        PeriodKind.Month => ReferencePeriod.ForMonth(new YearMonth(p.Start.Year, p.Start.Month).PlusMonths(1)),
        _ => throw new ArgumentException($"a series steps by years or months, not days ({p}).", "from"),
    };

    private async Task<(IndicatorData Data, Dictionary<string, IReadOnlyList<IndicatorValue>> Values, Dictionary<string, IndicatorMetadata> Metadata)> FetchAsync(
        Framework framework, IndexDefinition definition, IReadOnlyList<string> codes, Dictionary<string, string> names, ReferencePeriod period, CancellationToken ct)
    {
        var indicators = definition.Indicators;
        var providers = indicators.Select(ProviderOf).ToArray();
        var request = new IndicatorRequest(codes, period);
        var fetched = await Task.WhenAll(providers.Select(p => Task.Run(() => p.GetValuesAsync(request, ct), ct))).ConfigureAwait(false);

        var columns = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var values = new Dictionary<string, IReadOnlyList<IndicatorValue>>(StringComparer.Ordinal);
        var metadata = new Dictionary<string, IndicatorMetadata>(StringComparer.Ordinal);
        var empty = new List<string>();
        for (var k = 0; k < indicators.Length; k++)
        {
            var node = indicators[k];
            var meta = providers[k].Metadata;
            var answer = fetched[k];
            if (answer.Count != codes.Count || answer.Where((v, i) => v.AreaCode != codes[i]).Any())
            {
                throw new IndexComputationException(
                    $"Provider '{meta.Id}' answered {answer.Count} values for {codes.Count} areas, or not in the order asked.");
            }

            var column = answer.Select(v => v.Value is { } x && v.Status is ValueStatus.Ok or ValueStatus.Unreliable ? x : double.NaN).ToArray();
            if (column.All(double.IsNaN))
            {
                empty.Add($"indicator '{node.Code}' (provider '{meta.Id}') has no value for any of the {codes.Count} areas at or before {period}: {answer[0].Reason}");
            }

            columns[node.Code] = column;
            values[node.Code] = answer;
            metadata[node.Code] = meta;
        }

        if (empty.Count > 0)
        {
            throw new IndexComputationException($"Framework '{framework.Id}' cannot be computed at {period}: {string.Join(" ", empty)}");
        }

        return (new IndicatorData(codes, columns, codes.Select(c => names[c]).ToList()), values, metadata);
    }

    /// <summary>
    /// The span a framework's published series covers: its time block's <c>from</c> to its <c>to</c>, or to the latest
    /// period its data allow (as a calendar year when <c>from</c> is one). Null when the definition states no series
    /// (no time block or no <c>from</c>).
    /// </summary>
    /// <exception cref="IndexComputationException">An indicator's provider has no periods at all.</exception>
    public async Task<(ReferencePeriod From, ReferencePeriod To)?> SeriesSpanAsync(Framework framework, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(framework);
        if (framework.Definition.Time?.From is not { } fromText)
        {
            return null;
        }

        var from = ReferencePeriod.Parse(fromText);
        var to = framework.Definition.Time.To is { } toText ? ReferencePeriod.Parse(toText) : await LatestPeriodAsync(framework, ct).ConfigureAwait(false);
        if (from.Kind != to.Kind && from.Kind == PeriodKind.CalendarYear)
        {
            to = ReferencePeriod.ForCalendarYear(to.Start.Year);
        }

        return (from, to);
    }

    /// <summary>
    /// The latest period any of the framework's indicators has data for. A run at that period gives every other indicator
    /// its own latest value at or before it (each dated), so this is the most recent picture the sources allow; taking
    /// the earliest "latest" instead would hold every indicator back to the stalest source.
    /// </summary>
    /// <exception cref="IndexComputationException">An indicator's provider has no periods at all.</exception>
    public async Task<ReferencePeriod> LatestPeriodAsync(Framework framework, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var indicators = framework.Definition.Indicators;
        var providers = indicators.Select(ProviderOf).ToArray();
        var periods = await Task.WhenAll(providers.Select(p => Task.Run(() => p.GetAvailablePeriodsAsync(ct), ct))).ConfigureAwait(false);
        for (var k = 0; k < periods.Length; k++)
        {
            if (periods[k].Count == 0)
            {
                throw new IndexComputationException($"Indicator '{indicators[k].Code}' (provider '{providers[k].Metadata.Id}') has no data for any period.");
            }
        }

        return periods.Select(p => p.Max()).Max();
    }

    private IIndicatorProvider ProviderOf(NodeDefinition node)
    {
        if (node.Provider is null)
        {
            throw new IndexComputationException($"Indicator '{node.Code}' names no provider; a framework computed from providers needs 'provider' on every indicator.");
        }

        if (!_providers.TryGet(node.Provider, out var provider))
        {
            throw new IndexComputationException(
                $"Indicator '{node.Code}' names provider '{node.Provider}', which is not installed. Known: {string.Join(", ", _providers.Providers.Select(p => p.Metadata.Id))}.");
        }

        if ((int)provider.Metadata.Direction != node.Direction)
        {
            throw new IndexComputationException(
                $"Indicator '{node.Code}' has direction {node.Direction}, but provider '{node.Provider}' says {provider.Metadata.Direction} ({(int)provider.Metadata.Direction}).");
        }

        return provider;
    }

    private static void CheckAreas(Framework framework, IReadOnlyList<string> codes, Dictionary<string, string> names)
    {
        if (codes.Count == 0)
        {
            throw new ArgumentException("At least one area code is required.", "areaCodes");
        }

        var unknown = codes.Where(c => c is null || !names.ContainsKey(c)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException(
                $"Area code(s) not in framework '{framework.Id}': {string.Join(", ", unknown)}. It covers {framework.Areas.Count} areas ({framework.Areas[0].Code} ...).", "areaCodes");
        }

        var twice = codes.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (twice.Count > 0)
        {
            throw new ArgumentException($"Area code(s) requested twice: {string.Join(", ", twice)}.", "areaCodes");
        }
    }
}
