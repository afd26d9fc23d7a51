using WellbeingIndex.Abstractions;
using WellbeingIndex.Engine.Data;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Pipeline;
using WellbeingIndex.Engine.Results;

namespace WellbeingIndex.Engine.Panel;

/// <summary>
/// Runs a recipe over a panel so that scores are comparable over time. Per-period runs the single-period pipeline on
/// each period. Pooled and base-period stack the periods and run the same pipeline once with a <see cref="PanelScope"/>:
/// imputation stays within each period; treatment and normalisation are fitted on every area-period (pooled) or on the
/// base period (base-period, optionally weighted) and applied to all; aggregation is row by row; then the stack is split
/// back into one result per period, ranked within the period.
/// </summary>
public static class PanelPipeline
{
    /// <exception cref="IndexComputationException">
    /// The base period is not in the data, a period lacks an indicator, the base weights column is missing, a method
    /// cannot be fitted across periods (dist2ref), or a pooled or base-period run has a screen step.
    /// </exception>
    public static PanelResult Run(IndexDefinition definition, PanelData panel, PanelOptions? options = null, MethodRegistry? registry = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(panel);
        registry ??= MethodRegistry.Default;
        var time = options?.Time ?? definition.Time ?? TimeDefinition.PerPeriod;
        if (definition.Time != time)
        {
            definition = definition.WithTime(time);
        }

        var codes = definition.Indicators.Select(i => i.Code).ToList();
        for (var p = 0; p < panel.PeriodCount; p++)
        {
            var missing = codes.Where(c => !panel[p].HasColumn(c)).ToList();
            if (missing.Count > 0)
            {
                throw new IndexComputationException($"Period {panel.Periods[p]} has no column for {string.Join(", ", missing)}.");
            }
        }

        IReadOnlyList<ImputedCell> imputed = [];
        var original = panel;
        if (options?.ImputePanel is { } spec)
        {
            (panel, imputed) = PanelImputation.Impute(panel, codes, spec);
        }

        if (time.Mode == TimeMode.PerPeriod)
        {
            var results = Enumerable.Range(0, panel.PeriodCount)
                .Select(p => KeepRaw(IndexPipeline.Run(definition, panel[p], registry, cancellationToken), original[p], imputed.Count > 0)).ToList();
            return new PanelResult(definition, time, panel, results, imputed, []);
        }

        var dist2ref = definition.Indicators.FirstOrDefault(i => definition.NormalisationOf(i)?.Method == "dist2ref");
        if (dist2ref is not null)
        {
            throw new IndexComputationException(
                $"Indicator '{dist2ref.Code}' is normalised by dist2ref, whose reference area has a value in every period: use time mode per-period.");
        }

        if (definition.Step(StepNames.Screen) is not null)
        {
            // The stacked run would drop area-period rows, leaving the period boundaries and the base period's fit rows
            // pointing at the wrong rows.
            throw new IndexComputationException(
                $"The screen step removes areas period by period, which time mode {TimeDefinition.ModeName(time.Mode)} cannot do on the stacked panel: use time mode per-period, or remove the screen step.");
        }

        var run = time.Mode == TimeMode.BasePeriod ? WithoutTruncation(definition) : definition;
        var (stacked, starts) = Stack(panel, codes);
        var (fitRows, fitWeights) = FitRows(panel, time, starts);
        var periodContexts = Enumerable.Range(0, panel.PeriodCount)
            .Select(p => ColumnContext.For(definition.Root.Code, panel[p].AreaCodes, 1, panel[p].Groups)).ToArray();
        var scope = new PanelScope(starts, periodContexts, fitRows, fitWeights,
            ColumnContext.For(definition.Root.Code, fitRows.Select(r => stacked.AreaCodes[r]).ToArray()));
        var whole = IndexPipeline.Run(run, stacked, registry, scope, cancellationToken);
        var split = Enumerable.Range(0, panel.PeriodCount)
            .Select(p => KeepRaw(Slice(whole, panel[p], starts[p], starts[p + 1] - starts[p]), original[p], imputed.Count > 0)).ToList();
        var fits = scope.Fits.Select(kv => new FittedStep(kv.Key.Step, kv.Key.Indicator, kv.Value))
            .OrderBy(f => f.Step == StepNames.Treat ? 0 : 1).ThenBy(f => codes.IndexOf(f.Indicator)).ToList();
        return new PanelResult(run, time, panel, split, imputed, fits);
    }

    /// <summary>Base-period goalposts are not truncated unless the definition says truncate explicitly.</summary>
    private static IndexDefinition WithoutTruncation(IndexDefinition definition)
    {
        var changed = false;
        var nodes = definition.Nodes.Select(n =>
        {
            if (n.Type != NodeType.Indicator || definition.NormalisationOf(n) is not { Method: "goalposts" } spec || spec.NumberOrNull("truncate") is not null)
            {
                return n;
            }

            changed = true;
            return n with { Normalise = spec.WithNumber("truncate", 0) };
        }).ToList();
        return changed ? definition.With(nodes: nodes) : definition;
    }

    private static (IndicatorData Data, int[] Starts) Stack(PanelData panel, IReadOnlyList<string> codes)
    {
        var starts = new int[panel.PeriodCount + 1];
        for (var p = 0; p < panel.PeriodCount; p++)
        {
            starts[p + 1] = starts[p] + panel[p].AreaCount;
        }

        var n = starts[^1];
        var areaCodes = new string[n];
        var names = new string[n];
        for (var p = 0; p < panel.PeriodCount; p++)
        {
            var d = panel[p];
            for (var i = 0; i < d.AreaCount; i++)
            {
                areaCodes[starts[p] + i] = $"{d.AreaCodes[i]}@{panel.Periods[p]}";
                names[starts[p] + i] = d.AreaNames[i];
            }
        }

        var columns = codes.ToDictionary(c => c, c =>
        {
            var column = new double[n];
            for (var p = 0; p < panel.PeriodCount; p++)
            {
                panel[p].Column(c).CopyTo(column.AsSpan(starts[p]));
            }

            return column;
        }, StringComparer.Ordinal);
        var groupNames = panel[0].Groups.Keys.Where(g => Enumerable.Range(0, panel.PeriodCount).All(p => panel[p].Groups.ContainsKey(g)));
        var groups = groupNames.ToDictionary(g => g, g => Enumerable.Range(0, panel.PeriodCount).SelectMany(p => panel[p].Groups[g]).ToArray(), StringComparer.Ordinal);
        return (new IndicatorData(areaCodes, columns, names, groups), starts);
    }

    private static (int[] Rows, double[]? Weights) FitRows(PanelData panel, TimeDefinition time, int[] starts)
    {
        if (time.Mode == TimeMode.Pooled)
        {
            return (Enumerable.Range(0, starts[^1]).ToArray(), null);
        }

        var b = ReferencePeriod.TryParse(time.Base, out var basePeriod) ? panel.IndexOf(basePeriod) : -1;
        if (b < 0)
        {
            throw new IndexComputationException($"The base period {time.Base} is not in the data (periods: {string.Join(", ", panel.Periods)}).");
        }

        var rows = Enumerable.Range(starts[b], starts[b + 1] - starts[b]).ToArray();
        if (time.BaseWeights is not { } column)
        {
            return (rows, null);
        }

        if (!panel[b].HasColumn(column))
        {
            throw new IndexComputationException($"The base weights column '{column}' is not in the data of {time.Base}.");
        }

        var weights = panel[b].Column(column).ToArray();
        var negative = Array.FindIndex(weights, w => w < 0);
        if (negative >= 0)
        {
            throw new IndexComputationException($"Base weight '{column}' of area '{panel[b].AreaCodes[negative]}' is negative ({weights[negative]}).");
        }

        return (rows, weights);
    }

    /// <summary>
    /// After imputation over time the recipe ran on filled data; the result's raw table is put back to the data as read,
    /// and the filled data become the imputed table (unless a cross-sectional impute step made one, which includes them).
    /// </summary>
    private static IndexResult KeepRaw(IndexResult result, IndicatorData original, bool filled)
    {
        if (!filled)
        {
            return result;
        }

        var filledRaw = result.Table(ResultTable.Raw);
        var codes = filledRaw.Codes;
        var raw = new ResultTable(ResultTable.Raw, codes, codes.ToDictionary(c => c, c => original.Column(c).ToArray(), StringComparer.Ordinal));
        var tables = new List<ResultTable> { raw };
        if (!result.HasTable(ResultTable.Imputed))
        {
            tables.Add(new ResultTable(ResultTable.Imputed, codes, codes.ToDictionary(c => c, filledRaw.ColumnArray, StringComparer.Ordinal)));
        }

        tables.AddRange(result.Tables.Where(t => t.Name != ResultTable.Raw));
        var counts = codes.ToDictionary(c => c, c =>
        {
            var before = raw.Column(c);
            var after = tables.First(t => t.Name == ResultTable.Imputed).Column(c);
            var n = 0;
            for (var i = 0; i < before.Length; i++)
            {
                if (double.IsNaN(before[i]) && !double.IsNaN(after[i])) n++;
            }

            return n;
        }, StringComparer.Ordinal);
        return new IndexResult(result.Definition, result.Input, result.AreaCodes, result.AreaNames, tables, result.Scores, result.Treatments, counts, result.Screening, result.Weights);
    }

    private static IndexResult Slice(IndexResult whole, IndicatorData input, int start, int length)
    {
        var tables = whole.Tables.Select(t => new ResultTable(t.Name, t.Codes,
            t.Codes.ToDictionary(c => c, c => t.Column(c).Slice(start, length).ToArray(), StringComparer.Ordinal))).ToList();
        var scores = whole.Scores.Select(s => new NodeScores(s.Node, s.Level, s.Scores.Slice(start, length).ToArray(),
            s.HasCoverage ? s.Coverage.Slice(start, length).ToArray() : null)).ToList();
        var raw = whole.Table(ResultTable.Raw);
        var counts = whole.ImputedCounts.ToDictionary(kv => kv.Key, kv =>
        {
            if (!whole.HasTable(ResultTable.Imputed)) return 0;
            var before = raw.Column(kv.Key).Slice(start, length);
            var after = whole.Table(ResultTable.Imputed).Column(kv.Key).Slice(start, length);
            var filled = 0;
            for (var i = 0; i < length; i++)
            {
                if (double.IsNaN(before[i]) && !double.IsNaN(after[i])) filled++;
            }

            return filled;
        }, StringComparer.Ordinal);
        return new IndexResult(whole.Definition, input, input.AreaCodes, input.AreaNames, tables, scores, whole.Treatments, counts, null, whole.Weights);
    }
}
