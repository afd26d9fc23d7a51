using System.Collections.Concurrent;
using System.Collections.Immutable;
using WellbeingIndex.Engine.Analysis;
using WellbeingIndex.Engine.Data;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Diagnostics;
using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Panel;
using WellbeingIndex.Engine.Results;

namespace WellbeingIndex.Engine.Pipeline;

/// <summary>
/// Runs a definition's recipe over data: the steps in the order listed, each keeping its output table, then the
/// aggregation bottom-up. Columns are independent within a step, so they run in parallel; nothing is allocated per cell.
/// </summary>
public static class IndexPipeline
{
    public static IndexResult Run(IndexDefinition definition, IndicatorData data, MethodRegistry? registry = null,
        CancellationToken cancellationToken = default)
    {
        using var activity = WellbeingTelemetry.Start(WellbeingTelemetry.IndexBuild);
        activity?.SetTag(WellbeingTelemetry.IndexId, definition?.Id).SetTag(WellbeingTelemetry.Areas, data?.AreaCount)
            .SetTag(WellbeingTelemetry.Indicators, definition?.Indicators.Length);
        try
        {
            return Run(definition!, data!, registry, null, cancellationToken);
        }
        catch (Exception e) when (activity is not null)
        {
            WellbeingTelemetry.Fail(activity, e.GetType().Name, e.Message);
            throw;
        }
    }

    /// <summary>The run over a stacked panel when <paramref name="panel"/> is given (see <see cref="PanelScope"/>).</summary>
    internal static IndexResult Run(IndexDefinition definition, IndicatorData data, MethodRegistry? registry, PanelScope? panel,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(data);
        registry ??= MethodRegistry.Default;

        var denominate = definition.Step(StepNames.Denominate) is not null;
        var missing = definition.Indicators.Where(i => !data.HasColumn(i.Code)).Select(i => i.Code)
            .Concat(denominate ? definition.Indicators.Where(i => i.Denominator is { } d && !data.HasColumn(d)).Select(i => $"{i.Denominator} (denominator of {i.Code})") : [])
            .ToList();
        if (missing.Count > 0)
        {
            throw new IndexComputationException(
                $"The data has no column for {missing.Count} indicator(s) of '{definition.Id}': {string.Join(", ", missing)}.");
        }

        if (data.AreaCount == 0)
        {
            throw new IndexComputationException("The data has no areas.");
        }

        var indicators = definition.Indicators;
        var codes = indicators.Select(i => i.Code).ToArray();
        var areas = data;
        var context = new ColumnContext(definition.Root.Code, 1, areas.AreaCodes, areas.Groups, areas.AreaIndex);
        var contexts = indicators.Select(i => context.ForIndicator(i.Code, i.Direction)).ToArray();
        ScreenOutcome? screening = null;
        var parallel = new ParallelOptions { CancellationToken = cancellationToken };

        var tables = new List<ResultTable>();
        var current = new double[codes.Length][];
        for (var k = 0; k < codes.Length; k++)
        {
            current[k] = data.ColumnArray(codes[k]);
        }

        tables.Add(Table(ResultTable.Raw, codes, current));
        var transformsApplied = !indicators.Any(i => i.Transform is not null);
        var treatments = new ConcurrentBag<(int Order, TreatmentOutcome Outcome)>();
        var imputed = new int[codes.Length];

        foreach (var step in definition.Steps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (step.Step)
            {
                case StepNames.Denominate:
                {
                    current = Copy(current);
                    ForEachColumn(0, codes.Length, parallel, k =>
                    {
                        if (indicators[k].Denominator is { } d)
                        {
                            Denomination.Apply(current[k], areas.ColumnArray(d));
                        }
                    });
                    tables.Add(Table(ResultTable.Denominated, codes, current));
                    break;
                }

                case StepNames.Screen:
                {
                    screening = Screening.Apply(step.Method, current, areas.AreaCodes);
                    if (screening.RemovedUnits.Length > 0)
                    {
                        var kept = screening.KeptRows;
                        current = current.Select(c => kept.Select(r => c[r]).ToArray()).ToArray();
                        tables = tables.Select(t => Table(t.Name, [.. t.Codes], t.Codes.Select(c => kept.Select(r => t.ColumnArray(c)[r]).ToArray()).ToArray())).ToList();
                        areas = areas.Subset(kept);
                        context = new ColumnContext(definition.Root.Code, 1, areas.AreaCodes, areas.Groups, areas.AreaIndex);
                        contexts = indicators.Select(i => context.ForIndicator(i.Code, i.Direction)).ToArray();
                    }
                    else
                    {
                        current = Copy(current);
                    }

                    tables.Add(Table(ResultTable.Screened, codes, current));
                    break;
                }

                case StepNames.Impute:
                {
                    var imputer = registry.Get<IImputer>(step.Method.Method);
                    current = Copy(current);
                    ForEachColumn(0, codes.Length, parallel, k => imputed[k] = panel?.Impute(imputer, current[k], step.Method, contexts[k])
                        ?? imputer.Impute(current[k], step.Method, contexts[k]));
                    tables.Add(Table(ResultTable.Imputed, codes, current));
                    break;
                }

                case StepNames.Treat:
                {
                    current = Copy(current);
                    if (!transformsApplied)
                    {
                        ApplyTransforms(indicators, current, contexts, registry, parallel);
                        transformsApplied = true;
                    }

                    ForEachColumn(0, codes.Length, parallel, k =>
                    {
                        var spec = definition.TreatmentOf(indicators[k])!;
                        var treatment = registry.Get<ITreatment>(spec.Method);
                        treatments.Add((k, panel?.Treat(treatment, current[k], spec, contexts[k]) ?? treatment.Treat(current[k], spec, contexts[k])));
                    });
                    tables.Add(Table(ResultTable.Treated, codes, current));
                    break;
                }

                case StepNames.Normalise:
                {
                    var input = current;
                    var output = new double[codes.Length][];
                    var applyTransforms = !transformsApplied;
                    ForEachColumn(0, codes.Length, parallel, k =>
                    {
                        var column = (double[])input[k].Clone();
                        if (applyTransforms && indicators[k].Transform is { } t)
                        {
                            registry.Get<ITransform>(t.Method).Transform(column, t, contexts[k]);
                        }

                        var direction = indicators[k].Direction;
                        if (direction != 1)
                        {
                            for (var i = 0; i < column.Length; i++)
                            {
                                column[i] *= direction;
                            }
                        }

                        var spec = definition.NormalisationOf(indicators[k])!;
                        var normaliser = registry.Get<INormaliser>(spec.Method);
                        if (panel is null)
                        {
                            normaliser.Normalise(column, column, spec, contexts[k]);
                        }
                        else
                        {
                            panel.Normalise(normaliser, column, spec, contexts[k]);
                        }

                        output[k] = column;
                    });
                    transformsApplied = true;
                    current = output;
                    tables.Add(Table(ResultTable.Normalised, codes, current));
                    break;
                }

                case StepNames.Aggregate:
                    if (!transformsApplied)
                    {
                        current = Copy(current);
                        ApplyTransforms(indicators, current, contexts, registry, parallel);
                        transformsApplied = true;
                    }

                    break;
            }
        }

        var scores = new Dictionary<string, double[]>(StringComparer.Ordinal);
        for (var k = 0; k < codes.Length; k++)
        {
            scores[codes[k]] = current[k];
        }

        var weightsUsed = new Dictionary<string, double>(StringComparer.Ordinal);
        var coverage = Aggregate(definition, scores, context, registry, parallel, areas.AreaCount, weightsUsed);
        var aggregates = definition.AggregatesBottomUp;
        tables.Add(Table(ResultTable.Aggregated, aggregates.Select(a => a.Code).ToArray(), aggregates.Select(a => scores[a.Code]).ToArray()));

        var nodeScores = indicators.Select(i => new NodeScores(i, 1, scores[i.Code], null))
            .Concat(aggregates.Select(a => new NodeScores(a, definition.LevelOf(a.Code), scores[a.Code], coverage[a.Code])))
            .ToList();
        var imputedCounts = codes.Select((c, k) => (c, k)).ToImmutableSortedDictionary(x => x.c, x => imputed[x.k], StringComparer.Ordinal);
        return new IndexResult(definition, data, areas.AreaCodes, areas.AreaNames, tables, nodeScores,
            treatments.OrderBy(t => t.Order).Select(t => t.Outcome).ToList(), imputedCounts, screening,
            weightsUsed.ToImmutableSortedDictionary(StringComparer.Ordinal));
    }

    private static Dictionary<string, double[]> Aggregate(IndexDefinition definition, Dictionary<string, double[]> scores,
        ColumnContext context, MethodRegistry registry, ParallelOptions parallel, int areaCount, Dictionary<string, double> used)
    {
        var coverage = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var level in definition.AggregatesBottomUp.GroupBy(a => definition.LevelOf(a.Code)))
        {
            var nodes = level.ToArray();
            var outputs = new double[nodes.Length][];
            var covers = new double[nodes.Length][];
            ForEachColumn(0, nodes.Length, parallel, j =>
            {
                var node = nodes[j];
                var children = definition.ChildrenOf(node.Code);
                var columns = children.Select(c => scores[c.Code]).ToArray();
                var spec = definition.AggregationOf(node);
                var aggregator = registry.Get<IAggregator>(spec.Method);
                var nodeContext = context.ForIndicator(node.Code, 1);
                double[] Combine(double[] w)
                {
                    var result = new double[areaCount];
                    aggregator.Aggregate(new AggregationInput(columns, w, spec, nodeContext), result);
                    return result;
                }

                var weights = Weighting.Weights(node.Weighting, children.Select(c => c.Code).ToList(), children.Select(c => c.Weight).ToList(),
                    columns, Combine, node.Code);
                var output = Combine(weights);
                lock (used)
                {
                    for (var c = 0; c < children.Length; c++) used[children[c].Code] = weights[c];
                }

                // Column by column (contiguous reads), then one pass to turn counts into shares.
                var present = new double[areaCount];
                foreach (var column in columns)
                {
                    for (var i = 0; i < areaCount; i++)
                    {
                        present[i] += double.IsNaN(column[i]) ? 0 : 1;
                    }
                }

                var minCoverage = node.MinCoverage ?? definition.MinCoverage;
                for (var i = 0; i < areaCount; i++)
                {
                    // Divide (not multiply by 1/n): 5 × (1/6) < 5/6 in floating point, which would drop an area exactly at the minimum.
                    var cover = present[i] / columns.Length;
                    present[i] = cover;
                    if (cover == 0 || cover < minCoverage)
                    {
                        output[i] = double.NaN;
                    }
                }

                outputs[j] = output;
                covers[j] = present;
            });

            for (var j = 0; j < nodes.Length; j++)
            {
                scores[nodes[j].Code] = outputs[j];
                coverage[nodes[j].Code] = covers[j];
            }
        }

        return coverage;
    }

    private static void ApplyTransforms(IReadOnlyList<NodeDefinition> indicators, double[][] columns, ColumnContext[] contexts,
        MethodRegistry registry, ParallelOptions parallel) =>
        ForEachColumn(0, indicators.Count, parallel, k =>
        {
            if (indicators[k].Transform is { } t)
            {
                registry.Get<ITransform>(t.Method).Transform(columns[k], t, contexts[k]);
            }
        });

    /// <summary>
    /// <see cref="Parallel.For(int, int, ParallelOptions, Action{int})"/> that rethrows a column's own exception rather than
    /// an <see cref="AggregateException"/>, so callers see "log of −3 for area X" and not "one or more errors occurred";
    /// when several columns fail, the first in definition order is reported, whichever thread finished first.
    /// </summary>
    private static void ForEachColumn(int from, int to, ParallelOptions parallel, Action<int> body)
    {
        var errors = new Exception?[to - from];
        Parallel.For(from, to, parallel, k =>
        {
            try
            {
                body(k);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                errors[k - from] = e;
            }
        });
        if (Array.Find(errors, e => e is not null) is { } first)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
        }
    }

    private static double[][] Copy(double[][] columns) => columns.Select(c => (double[])c.Clone()).ToArray();

    private static ResultTable Table(string name, string[] codes, double[][] columns)
    {
        var map = new Dictionary<string, double[]>(codes.Length, StringComparer.Ordinal);
        for (var k = 0; k < codes.Length; k++)
        {
            map[codes[k]] = columns[k];
        }

        return new ResultTable(name, codes, map);
    }
}
