using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Numerics;
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
    /// <summary>Areas from which the columns of a step are computed in parallel; below it, one after another.</summary>
    public const int ParallelFromAreas = 2048;

    public static IndexResult Run(IndexDefinition definition, IndicatorData data, MethodRegistry? registry = null,
        CancellationToken cancellationToken = default) =>
        Traced(definition, data, registry, keepTables: false, cancellationToken);

    /// <summary>
    /// As <see cref="Run(IndexDefinition, IndicatorData, MethodRegistry?, CancellationToken)"/>; with
    /// <paramref name="keepTables"/> every intermediate table is kept as built instead of the normalised one being
    /// recomputed when first read: for callers that read them all (a command writing every indicator's scores).
    /// </summary>
    public static IndexResult Run(IndexDefinition definition, IndicatorData data, bool keepTables, MethodRegistry? registry = null,
        CancellationToken cancellationToken = default) =>
        Traced(definition, data, registry, keepTables, cancellationToken);

    private static IndexResult Traced(IndexDefinition definition, IndicatorData data, MethodRegistry? registry, bool keepTables,
        CancellationToken cancellationToken)
    {
        using var activity = WellbeingTelemetry.Start(WellbeingTelemetry.IndexBuild);
        activity?.SetTag(WellbeingTelemetry.IndexId, definition?.Id).SetTag(WellbeingTelemetry.Areas, data?.AreaCount)
            .SetTag(WellbeingTelemetry.Indicators, definition?.Indicators.Length);
        try
        {
            return Run(definition!, data!, registry, null, cancellationToken, keepTables);
        }
        catch (Exception e) when (activity is not null)
        {
            WellbeingTelemetry.Fail(activity, e.GetType().Name, e.Message);
            throw;
        }
    }

    /// <summary>
    /// The run over a stacked panel when <paramref name="panel"/> is given (see <see cref="PanelScope"/>).
    /// <paramref name="keepTables"/> keeps the normalised table built rather than recomputing it when read: for
    /// callers that read every indicator's scores (an analysis re-aggregating them), where recomputing would double the work.
    /// </summary>
    internal static IndexResult Run(IndexDefinition definition, IndicatorData data, MethodRegistry? registry, PanelScope? panel,
        CancellationToken cancellationToken, bool keepTables = false)
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
        // A column of a few thousand rows takes microseconds: spreading such columns over threads costs more than it
        // saves, and takes the cores a server's concurrent requests need (33 boroughs: one thread).
        var parallel = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = data.AreaCount < ParallelFromAreas ? 1 : -1,
            TaskScheduler = TaskScheduler.Current,
        };

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

        double[][]? scratch = null;
        Lazy<double[][]>? normalised = null;
        var steps = definition.Steps;
        var lastDataStep = -1;
        for (var s = 0; s < steps.Length; s++)
        {
            if (steps[s].Step != StepNames.Aggregate) lastDataStep = s;
        }

        for (var stepIndex = 0; stepIndex < steps.Length; stepIndex++)
        {
            var step = steps[stepIndex];
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
                    var applyTransforms = !transformsApplied;
                    var stepContexts = contexts;
                    void NormaliseInto(int k, double[] column)
                    {
                        // The normaliser reads the input itself when there is nothing to do first (no copy), and a
                        // direction is applied while copying: one pass over the column fewer either way.
                        var source = input[k].AsSpan(0, column.Length);
                        var direction = indicators[k].Direction;
                        var transform = applyTransforms ? indicators[k].Transform : null;
                        if (transform is not null || panel is not null)
                        {
                            source.CopyTo(column);
                            if (transform is not null)
                            {
                                registry.Get<ITransform>(transform.Method).Transform(column, transform, stepContexts[k]);
                            }

                            if (direction != 1)
                            {
                                Scale(column, column, direction);
                            }

                            source = column;
                        }
                        else if (direction != 1)
                        {
                            Scale(source, column, direction);
                            source = column;
                        }

                        var spec = definition.NormalisationOf(indicators[k])!;
                        var normaliser = registry.Get<INormaliser>(spec.Method);
                        if (panel is null)
                        {
                            normaliser.Normalise(source, column, spec, stepContexts[k]);
                        }
                        else
                        {
                            panel.Normalise(normaliser, column, spec, stepContexts[k]);
                        }
                    }

                    var output = new double[codes.Length][];
                    var n = areas.AreaCount;
                    transformsApplied = true;
                    if (panel is null && !keepTables && stepIndex == lastDataStep && n >= ParallelFromAreas)
                    {
                        // Only aggregation reads this table: normalise into pooled scratch and recompute the table
                        // (the same bits: the same code on the same input) if a caller reads it. A small run keeps
                        // it: its columns cost little, and an aggregate's coverage reads them.
                        ForEachColumn(0, codes.Length, parallel, k =>
                        {
                            output[k] = ColumnPool.Rent(n);
                            NormaliseInto(k, output[k]);
                        });
                        scratch = output;
                        var columnCodes = codes;
                        normalised = new Lazy<double[][]>(() =>
                        {
                            var columns = new double[columnCodes.Length][];
                            ForEachColumn(0, columnCodes.Length, new ParallelOptions { TaskScheduler = TaskScheduler.Current }, k =>
                            {
                                columns[k] = new double[n];
                                NormaliseInto(k, columns[k]);
                            });
                            return columns;
                        });
                        var lazy = normalised;
                        tables.Add(new ResultTable(ResultTable.Normalised, codes, new Lazy<Dictionary<string, double[]>>(() => Map(columnCodes, lazy.Value))));
                    }
                    else
                    {
                        ForEachColumn(0, codes.Length, parallel, k =>
                        {
                            output[k] = ColumnMemory.New(n);
                            NormaliseInto(k, output[k]);
                        });
                        tables.Add(Table(ResultTable.Normalised, codes, output));
                    }

                    current = output;
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
        // A large build that keeps only what aggregation needs computes the aggregates below the root into scratch
        // columns too and recomputes them (the same bits: the same code on the same columns and weights) when read.
        var pooledAggregates = scratch is not null && areas.AreaCount >= ParallelFromAreas ? new List<double[]>() : null;
        Aggregate(definition, scores, context, registry, parallel, areas.AreaCount, weightsUsed, pooledAggregates);
        var aggregates = definition.AggregatesBottomUp;
        var aggregateCodes = aggregates.Select(a => a.Code).ToArray();

        // Every node's final column: an indicator's is the normalised table's, recomputed on demand when not kept.
        var final = new Dictionary<string, Lazy<double[]>>(scores.Count, StringComparer.Ordinal);
        for (var k = 0; k < codes.Length; k++)
        {
            var column = k;
            final[codes[k]] = normalised is { } table ? new Lazy<double[]>(() => table.Value[column]) : new Lazy<double[]>(current[k]);
        }

        foreach (var a in aggregates)
        {
            var node = a;
            final[a.Code] = pooledAggregates is null || a.Code == definition.Root.Code
                ? new Lazy<double[]>(scores[a.Code])
                : new Lazy<double[]>(() =>
                {
                    var children = definition.ChildrenOf(node.Code);
                    return CombineNode(definition, node, children.Select(c => final[c.Code].Value).ToArray(),
                        children.Select(c => weightsUsed[c.Code]).ToArray(), registry, context, new double[areas.AreaCount]);
                });
        }

        tables.Add(pooledAggregates is null
            ? Table(ResultTable.Aggregated, aggregateCodes, aggregates.Select(a => scores[a.Code]).ToArray())
            : new ResultTable(ResultTable.Aggregated, aggregateCodes,
                new Lazy<Dictionary<string, double[]>>(() => Map(aggregateCodes, aggregates.Select(a => final[a.Code].Value).ToArray()))));
        if (scratch is not null)
        {
            ColumnPool.Return(pooledAggregates is null ? scratch : scratch.Concat(pooledAggregates));
        }

        var nodeScores = indicators.Select(i => new NodeScores(i, 1, final[i.Code], null))
            .Concat(aggregates.Select(a => new NodeScores(a, definition.LevelOf(a.Code), final[a.Code],
                new Lazy<double[]>(() => Coverage(definition.ChildrenOf(a.Code).Select(c => final[c.Code].Value).ToArray(), areas.AreaCount)))))
            .ToList();
        var imputedCounts = codes.Select((c, k) => (c, k)).ToImmutableSortedDictionary(x => x.c, x => imputed[x.k], StringComparer.Ordinal);
        return new IndexResult(definition, data, areas.AreaCodes, areas.AreaNames, tables, nodeScores,
            treatments.OrderBy(t => t.Order).Select(t => t.Outcome).ToList(), imputedCounts, screening,
            weightsUsed.ToImmutableSortedDictionary(StringComparer.Ordinal));
    }

    /// <summary>
    /// <paramref name="variant"/> run over <paramref name="result"/>'s data. When the variant differs from the result's
    /// definition only in node weights (a what-if of weights), the data steps are not repeated: weights enter only the
    /// aggregation, so the result's indicator columns are aggregated again under the new weights, the same numbers a
    /// full run gives at a fraction of its cost. Any other variant is a full <see cref="Run(IndexDefinition, IndicatorData, MethodRegistry?, CancellationToken)"/>.
    /// </summary>
    public static IndexResult Vary(IndexResult result, IndexDefinition variant, MethodRegistry? registry = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(variant);
        if (!OnlyWeightsDiffer(result, variant))
        {
            return Run(variant, result.Input, registry, cancellationToken);
        }

        registry ??= MethodRegistry.Default;
        var data = result.Input;
        var definition = result.Definition;
        var context = new ColumnContext(variant.Root.Code, 1, data.AreaCodes, data.Groups, data.AreaIndex);
        var sequential = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = 1 };
        var indicators = variant.Indicators;
        var scores = new Dictionary<string, double[]>(variant.Nodes.Length, StringComparer.Ordinal);
        foreach (var indicator in indicators)
        {
            scores[indicator.Code] = result[indicator.Code].ScoreArray;
        }

        // An aggregate none of whose descendants changed weight has the run's scores: only the others are computed.
        var aggregates = variant.AggregatesBottomUp;
        var changed = new HashSet<string>(StringComparer.Ordinal);
        var unchanged = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in aggregates)
        {
            var same = true;
            foreach (var child in variant.ChildrenOf(a.Code))
            {
                same &= !changed.Contains(child.Code) && child.Weight.Equals(definition[child.Code].Weight);
            }

            if (same)
            {
                unchanged.Add(a.Code);
                scores[a.Code] = result[a.Code].ScoreArray;
            }
            else
            {
                changed.Add(a.Code);
            }
        }

        var weightsUsed = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var code in unchanged)
        {
            foreach (var child in variant.ChildrenOf(code))
            {
                weightsUsed[child.Code] = result.Weights[child.Code];
            }
        }

        Aggregate(variant, scores, context, registry, sequential, data.AreaCount, weightsUsed, known: unchanged);

        // Unchanged nodes keep the run's scores with their ranks and coverage already computed.
        var nodeScores = new List<NodeScores>(variant.Nodes.Length);
        var final = new Dictionary<string, Lazy<double[]>>(variant.Nodes.Length, StringComparer.Ordinal);
        foreach (var i in indicators)
        {
            nodeScores.Add(result[i.Code].For(i));
            final[i.Code] = new Lazy<double[]>(scores[i.Code]);
        }

        foreach (var a in aggregates)
        {
            final[a.Code] = new Lazy<double[]>(scores[a.Code]);
            nodeScores.Add(unchanged.Contains(a.Code) ? result[a.Code].For(a) : new NodeScores(a, variant.LevelOf(a.Code), final[a.Code],
                new Lazy<double[]>(() => Coverage(variant.ChildrenOf(a.Code).Select(c => final[c.Code].Value).ToArray(), data.AreaCount))));
        }

        var tables = result.Tables.Where(t => t.Name != ResultTable.Aggregated)
            .Append(Table(ResultTable.Aggregated, aggregates.Select(a => a.Code).ToArray(), aggregates.Select(a => scores[a.Code]).ToArray())).ToList();
        return new IndexResult(variant, data, result.AreaCodes, result.AreaNames, tables, nodeScores, result.Treatments, result.ImputedCounts,
            result.Screening, weightsUsed.ToImmutableSortedDictionary(StringComparer.Ordinal));
    }

    /// <summary>
    /// True when <paramref name="variant"/> is <paramref name="result"/>'s definition with other node weights (same
    /// nodes, steps, levels and coverage rule) and no screen removed an area (the aggregation then runs on the input's areas).
    /// </summary>
    private static bool OnlyWeightsDiffer(IndexResult result, IndexDefinition variant)
    {
        var definition = result.Definition;
        if (result.Screening is { RemovedUnits.Length: > 0 } || result.AreaCodes.Length != result.Input.AreaCount
            || variant.Nodes.Length != definition.Nodes.Length || !variant.Steps.SequenceEqual(definition.Steps)
            || !variant.Levels.SequenceEqual(definition.Levels) || !variant.MinCoverage.Equals(definition.MinCoverage))
        {
            return false;
        }

        for (var i = 0; i < variant.Nodes.Length; i++)
        {
            var node = variant.Nodes[i];
            if (!node.Equals(definition.Nodes[i] with { Weight = node.Weight }))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><paramref name="values"/> × <paramref name="direction"/> into <paramref name="output"/>, a vector at a time.</summary>
    private static void Scale(ReadOnlySpan<double> values, Span<double> output, int direction)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var d = new Vector<double>(direction);
            for (; i <= values.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                (new Vector<double>(values[i..]) * d).CopyTo(output[i..]);
            }
        }

        for (; i < values.Length; i++)
        {
            output[i] = values[i] * direction;
        }
    }

    /// <summary>Areas whose coverage is computed at once: the block's counts and the children's slices stay in cache.</summary>
    private const int CoverageBlock = 1024;

    /// <summary>The share of <paramref name="columns"/> present (not NaN) per area.</summary>
    private static double[] Coverage(double[][] columns, int areaCount)
    {
        var present = new double[areaCount];
        for (var from = 0; from < areaCount; from += CoverageBlock)
        {
            Coverage(columns, from, present.AsSpan(from, Math.Min(CoverageBlock, areaCount - from)));
        }

        return present;
    }

    /// <summary>
    /// The shares for the areas from <paramref name="from"/> on, as many as <paramref name="present"/> holds: column by
    /// column (contiguous reads), then the counts turned into shares. Divides (not multiplies by 1/n): 5 × (1/6) &lt; 5/6
    /// in floating point, which would drop an area exactly at the minimum.
    /// </summary>
    private static void Coverage(double[][] columns, int from, Span<double> present)
    {
        present.Clear();
        var width = Vector<double>.Count;
        var one = Vector<double>.One;
        foreach (var column in columns)
        {
            var values = column.AsSpan(from, present.Length);
            var i = 0;
            for (; i <= present.Length - width; i += width)
            {
                var x = new Vector<double>(values[i..]);
                (new Vector<double>(present[i..]) + (Vector.AsVectorDouble(Vector.Equals(x, x)) & one)).CopyTo(present[i..]);
            }

            for (; i < present.Length; i++)
            {
                present[i] += double.IsNaN(values[i]) ? 0 : 1;
            }
        }

        var count = new Vector<double>(columns.Length);
        var j = 0;
        for (; j <= present.Length - width; j += width)
        {
            (new Vector<double>(present[j..]) / count).CopyTo(present[j..]);
        }

        for (; j < present.Length; j++)
        {
            present[j] /= columns.Length;
        }
    }

    /// <summary>Sets <paramref name="output"/> missing where no child is present or fewer than <paramref name="minCoverage"/> of them.</summary>
    private static void MaskUncovered(double[][] columns, Span<double> output, double minCoverage)
    {
        Span<double> present = stackalloc double[CoverageBlock];
        var width = Vector<double>.Count;
        var zero = Vector<double>.Zero;
        var least = new Vector<double>(minCoverage);
        var missing = new Vector<double>(double.NaN);
        for (var from = 0; from < output.Length; from += CoverageBlock)
        {
            var shares = present[..Math.Min(CoverageBlock, output.Length - from)];
            Coverage(columns, from, shares);
            var block = output.Slice(from, shares.Length);
            var i = 0;
            for (; i <= shares.Length - width; i += width)
            {
                var p = new Vector<double>(shares[i..]);
                var drop = Vector.BitwiseOr(Vector.Equals(p, zero), Vector.LessThan(p, least));
                Vector.ConditionalSelect(drop, missing, new Vector<double>(block[i..])).CopyTo(block[i..]);
            }

            for (; i < shares.Length; i++)
            {
                if (shares[i] == 0 || shares[i] < minCoverage)
                {
                    block[i] = double.NaN;
                }
            }
        }
    }

    /// <summary>
    /// Every aggregate's scores, level by level, but those in <paramref name="known"/> (already in <paramref name="scores"/>).
    /// With <paramref name="pooled"/>, the aggregates below the root are computed into scratch columns (listed there, to
    /// be handed back) rather than kept.
    /// </summary>
    private static void Aggregate(IndexDefinition definition, Dictionary<string, double[]> scores,
        ColumnContext context, MethodRegistry registry, ParallelOptions parallel, int areaCount, Dictionary<string, double> used,
        List<double[]>? pooled = null, HashSet<string>? known = null)
    {
        foreach (var level in definition.AggregatesBottomUp.Where(a => known is null || !known.Contains(a.Code)).GroupBy(a => definition.LevelOf(a.Code)))
        {
            var nodes = level.ToArray();
            var outputs = new double[nodes.Length][];
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
                    // Not cleared: an aggregator writes every cell (IAggregator's contract).
                    var result = GC.AllocateUninitializedArray<double>(areaCount);
                    aggregator.Aggregate(new AggregationInput(columns, w, spec, nodeContext), result);
                    return result;
                }

                var weights = Weighting.Weights(node.Weighting, children.Select(c => c.Code).ToList(), children.Select(c => c.Weight).ToList(),
                    columns, Combine, node.Code);
                lock (used)
                {
                    for (var c = 0; c < children.Length; c++) used[children[c].Code] = weights[c];
                }

                var scratch = pooled is not null && node.Code != definition.Root.Code;
                outputs[j] = CombineNode(definition, node, columns, weights, registry, context,
                    scratch ? ColumnPool.Rent(areaCount) : GC.AllocateUninitializedArray<double>(areaCount));
                if (scratch)
                {
                    lock (pooled!) pooled.Add(outputs[j]);
                }
            });

            for (var j = 0; j < nodes.Length; j++)
            {
                scores[nodes[j].Code] = outputs[j];
            }
        }
    }

    /// <summary>The aggregate <paramref name="node"/> of <paramref name="columns"/> into <paramref name="output"/>, its uncovered areas missing.</summary>
    private static double[] CombineNode(IndexDefinition definition, NodeDefinition node, double[][] columns, double[] weights,
        MethodRegistry registry, ColumnContext context, double[] output)
    {
        var spec = definition.AggregationOf(node);
        var aggregator = registry.Get<IAggregator>(spec.Method);
        aggregator.Aggregate(new AggregationInput(columns, weights, spec, context.ForIndicator(node.Code, 1)), output);
        // The engine's own aggregators give NaN where no child is present (tested for each): with no minimum
        // coverage above 0 there is nothing to mask, and the pass over every child is saved.
        var minCoverage = node.MinCoverage ?? definition.MinCoverage;
        if (minCoverage > 0 || aggregator.GetType().Assembly != typeof(IndexPipeline).Assembly)
        {
            MaskUncovered(columns, output, minCoverage);
        }

        return output;
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
        if (parallel.MaxDegreeOfParallelism == 1 || to - from == 1)
        {
            for (var k = from; k < to; k++)
            {
                parallel.CancellationToken.ThrowIfCancellationRequested();
                body(k);
            }

            return;
        }

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

    private static ResultTable Table(string name, string[] codes, double[][] columns) => new(name, codes, Map(codes, columns));

    private static Dictionary<string, double[]> Map(string[] codes, double[][] columns)
    {
        var map = new Dictionary<string, double[]>(codes.Length, StringComparer.Ordinal);
        for (var k = 0; k < codes.Length; k++)
        {
            map[codes[k]] = columns[k];
        }

        return map;
    }
}
