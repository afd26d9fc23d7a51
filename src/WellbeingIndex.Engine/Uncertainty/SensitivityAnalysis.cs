using System.Collections.Concurrent;
using WellbeingIndex.Engine.Data;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Pipeline;
using WellbeingIndex.Engine.Results;

namespace WellbeingIndex.Engine.Uncertainty;

/// <summary>
/// Uncertainty and sensitivity analysis of the index's ranks, after COINr's <c>get_sensitivity</c>. Each run draws
/// every uncertain input, builds the index and ranks it; its output is the mean absolute rank shift against the
/// nominal ranks. Runs reuse whatever did not change: the steps up to normalisation run once per distinct combination
/// of the indicator-changing inputs (normalise, impute, treat, JSON paths), so when only weights and aggregation vary
/// only aggregation and ranking rerun, into buffers reused across runs. Ranks are kept as 16-bit numbers per run (for
/// a Sobol design, of the A and B runs only), never whole tables. Data-driven weights (pca, balance) are those of each
/// combination's own run, then perturbed.
/// </summary>
public static class SensitivityAnalysis
{
    public static SensitivityResult Run(IndexDefinition definition, IndicatorData data, SensitivityOptions options,
        IProgress<int>? progress = null, MethodRegistry? registry = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        registry ??= MethodRegistry.Default;
        var inputs = options.Inputs;
        var d = inputs.Count;
        var random = new Random(options.Seed);
        var design = options.Sobol ? SobolEstimator.Design(options.Runs, d, random) : Uniform(options.Runs, d, random);
        var runCount = design.Length;
        var storedRuns = options.Sobol ? 2 * options.Runs : runCount;

        var n = data.AreaCount;
        var nominal = new int[n];
        var nominalResult = IndexPipeline.Run(definition, data, registry, cancellationToken);
        var nominalRanks = nominalResult.Index.Ranks;
        for (var i = 0; i < nominalResult.AreaCodes.Length; i++)
        {
            nominal[data.IndexOfArea(nominalResult.AreaCodes[i])] = nominalRanks[i];
        }

        var stages = new ConcurrentDictionary<string, Lazy<Stage>>(StringComparer.Ordinal);
        var changing = Enumerable.Range(0, d).Where(j => inputs[j].ChangesIndicators).ToArray();
        var aggregateInput = Enumerable.Range(0, d).Where(j => inputs[j].Kind == UncertainInputKind.Aggregate).DefaultIfEmpty(-1).First();
        var weightInputs = Enumerable.Range(0, d).Where(j => inputs[j].Kind == UncertainInputKind.Weights).ToArray();

        var store = new RankStore(storedRuns, n);
        var shifts = new double[runCount];
        var done = 0;
        var step = Math.Max(1, runCount / 200);
        try
        {
            Parallel.For(0, runCount, new ParallelOptions { CancellationToken = cancellationToken }, () => new Worker(n), (r, _, worker) =>
            {
                var u = design[r];
                var key = string.Join("|", changing.Select(j => inputs[j].Pick(u[j])));
                var stage = stages.GetOrAdd(key, _ => new Lazy<Stage>(() => Stage.Build(definition, data, changing.Select(j => (inputs[j], inputs[j].Pick(u[j]))), registry, cancellationToken))).Value;
                var aggregation = aggregateInput >= 0 ? inputs[aggregateInput].Methods[inputs[aggregateInput].Pick(u[aggregateInput])] : null;
                var ranks = worker.Run(stage, aggregation, weightInputs.Select(j => (inputs[j], u[j])).ToArray(), registry);

                var shift = 0.0;
                var count = 0;
                for (var i = 0; i < n; i++)
                {
                    if (ranks[i] > 0 && nominal[i] > 0)
                    {
                        shift += Math.Abs(ranks[i] - nominal[i]);
                        count++;
                    }
                }

                shifts[r] = count == 0 ? double.NaN : shift / count;
                if (r < storedRuns)
                {
                    store.Write(r, ranks);
                }

                var completed = Interlocked.Increment(ref done);
                if (progress is not null && (completed % step == 0 || completed == runCount))
                {
                    progress.Report(completed);
                }

                return worker;
            }, _ => { });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // A variant that cannot be computed (say gmean meeting a negative z-score) is reported as itself.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }

        var areas = store.Summarise(data.AreaCodes, nominal);
        IReadOnlyList<SobolIndex> sobol = [];
        var variance = Variance(options.Sobol ? shifts.AsSpan(0, 2 * options.Runs) : shifts);
        if (options.Sobol)
        {
            if (shifts.Any(double.IsNaN))
            {
                throw new IndexComputationException("a run left no area ranked in both it and the nominal run, so the rank shift is undefined.");
            }

            sobol = SobolEstimator.Estimate(shifts, options.Runs, inputs.Select(i => i.Name).ToList(), options.Bootstrap, options.Seed);
        }

        return new SensitivityResult(options, runCount, areas, shifts, sobol, variance);
    }

    private static double[][] Uniform(int runs, int d, Random random)
    {
        var rows = new double[runs][];
        for (var r = 0; r < runs; r++)
        {
            rows[r] = new double[d];
            for (var j = 0; j < d; j++) rows[r][j] = random.NextDouble();
        }

        return rows;
    }

    private static double Variance(ReadOnlySpan<double> values)
    {
        var (count, _, sd) = ColumnStatistics.MeanSd(values);
        return count > 1 ? sd * sd : double.NaN;
    }

    /// <summary>
    /// A weight factor uniform in [1 − noise, 1 + noise] for node <paramref name="node"/>, determined by the draw
    /// <paramref name="u"/> alone (SplitMix64 of the draw's bits and the node), so a Sobol design's A_B^i rows repeat A's
    /// weights for every input but i.
    /// </summary>
    internal static double WeightFactor(double u, int node, double noise)
    {
        var z = (ulong)BitConverter.DoubleToInt64Bits(u) + 0x9E3779B97F4A7C15UL * (ulong)(node + 1);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        var uniform = (z >> 11) * (1.0 / (1UL << 53));
        return 1 + noise * (2 * uniform - 1);
    }

    /// <summary>The indicator table of one combination of indicator-changing choices, ready to aggregate again and again.</summary>
    private sealed class Stage
    {
        public required IndexDefinition Definition { get; init; }
        public required int[] Rows { get; init; }
        public required double[][] Indicators { get; init; }
        public required bool[] IndicatorHasMissing { get; init; }
        public required StageNode[] Aggregates { get; init; }
        public required int[] Levels { get; init; }

        public static Stage Build(IndexDefinition definition, IndicatorData data, IEnumerable<(UncertainInput Input, int Pick)> picks,
            MethodRegistry registry, CancellationToken cancellationToken)
        {
            foreach (var (input, pick) in picks)
            {
                definition = input.Apply(definition, pick, registry);
            }

            var result = IndexPipeline.Run(definition, data, keepTables: true, registry, cancellationToken);
            var indicators = definition.Indicators;
            var aggregates = definition.AggregatesBottomUp;
            var position = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var k = 0; k < indicators.Length; k++) position[indicators[k].Code] = k;
            for (var m = 0; m < aggregates.Length; m++) position[aggregates[m].Code] = indicators.Length + m;
            var context = ColumnContext.For(definition.Root.Code, result.AreaCodes);
            var columns = indicators.Select(i => result[i.Code].Scores.ToArray()).ToArray();
            return new Stage
            {
                Definition = definition,
                Rows = result.AreaCodes.Select(data.IndexOfArea).ToArray(),
                Indicators = columns,
                IndicatorHasMissing = columns.Select(c => c.Any(double.IsNaN)).ToArray(),
                Levels = indicators.Select(i => 1).Concat(aggregates.Select(a => definition.LevelOf(a.Code))).ToArray(),
                Aggregates = aggregates.Select(a =>
                {
                    var children = definition.ChildrenOf(a.Code);
                    return new StageNode(
                        children.Select(c => position[c.Code]).ToArray(),
                        children.Select(c => result.Weights[c.Code]).ToArray(),
                        definition.AggregationOf(a),
                        a.MinCoverage ?? definition.MinCoverage,
                        context.ForIndicator(a.Code, 1));
                }).ToArray(),
            };
        }
    }

    private sealed record StageNode(int[] Children, double[] Weights, MethodSpec Spec, double MinCoverage, ColumnContext Context);

    /// <summary>One thread's buffers: an output column per aggregate and the ranking scratch, reused run after run.</summary>
    private sealed class Worker(int areas)
    {
        private readonly int[] _ranks = new int[areas];
        private readonly Dictionary<Stage, Buffers> _buffers = [];

        public int[] Run(Stage stage, MethodSpec? aggregation, (UncertainInput Input, double U)[] weightDraws, MethodRegistry registry)
        {
            if (!_buffers.TryGetValue(stage, out var b))
            {
                b = new Buffers(stage);
                _buffers[stage] = b;
            }

            var k = stage.Indicators.Length;
            var n = stage.Rows.Length;
            for (var m = 0; m < stage.Aggregates.Length; m++)
            {
                var node = stage.Aggregates[m];
                var children = b.Children[m];
                var weights = b.Weights[m];
                var complete = true;
                for (var c = 0; c < node.Children.Length; c++)
                {
                    var at = node.Children[c];
                    children[c] = at < k ? stage.Indicators[at] : b.Outputs[at - k];
                    complete &= at < k ? !stage.IndicatorHasMissing[at] : !b.HasMissing[at - k];
                    var w = node.Weights[c];
                    foreach (var (input, u) in weightDraws)
                    {
                        if (input.Level == stage.Levels[at]) w *= WeightFactor(u, at, input.Noise);
                    }

                    weights[c] = w;
                }

                var spec = aggregation ?? node.Spec;
                var output = b.Outputs[m];
                registry.Get<IAggregator>(spec.Method).Aggregate(new AggregationInput(children, weights, spec, node.Context), output);
                // Without a minimum coverage the aggregator's own rule (no child present → NaN) is the pipeline's.
                if (!complete && node.MinCoverage > 0)
                {
                    ApplyCoverage(children, output, node.MinCoverage, b.Present);
                }

                b.HasMissing[m] = output.AsSpan().IndexOfAnyExceptInRange(double.NegativeInfinity, double.PositiveInfinity) >= 0;
            }

            Ranking.RankDescending(b.Outputs[^1], b.Ranks);
            Array.Clear(_ranks);
            for (var i = 0; i < n; i++)
            {
                _ranks[stage.Rows[i]] = b.Ranks[i];
            }

            return _ranks;
        }

        /// <summary>The pipeline's coverage rule: no child present, or fewer than the minimum share, gives a missing score.</summary>
        private static void ApplyCoverage(double[][] children, double[] output, double minCoverage, double[] present)
        {
            Array.Clear(present);
            foreach (var column in children)
            {
                for (var i = 0; i < output.Length; i++) present[i] += double.IsNaN(column[i]) ? 0 : 1;
            }

            for (var i = 0; i < output.Length; i++)
            {
                var cover = present[i] / children.Length;
                if (cover == 0 || cover < minCoverage) output[i] = double.NaN;
            }
        }

        private sealed class Buffers
        {
            public Buffers(Stage stage)
            {
                var n = stage.Rows.Length;
                Outputs = stage.Aggregates.Select(_ => new double[n]).ToArray();
                Children = stage.Aggregates.Select(a => new double[a.Children.Length][]).ToArray();
                Weights = stage.Aggregates.Select(a => new double[a.Children.Length]).ToArray();
                HasMissing = new bool[stage.Aggregates.Length];
                Present = new double[n];
                Ranks = new int[n];
            }

            public double[][] Outputs { get; }
            public double[][][] Children { get; }
            public double[][] Weights { get; }
            public bool[] HasMissing { get; }
            public double[] Present { get; }
            public int[] Ranks { get; }
        }
    }
}
