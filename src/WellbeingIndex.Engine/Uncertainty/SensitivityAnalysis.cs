using WellbeingIndex.Engine.Data;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Methods.Aggregation;
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
        var nominalResult = IndexPipeline.Run(definition, data, keepTables: true, registry, cancellationToken);
        var nominalRanks = nominalResult.Index.Ranks;
        for (var i = 0; i < nominalResult.AreaCodes.Length; i++)
        {
            nominal[data.IndexOfArea(nominalResult.AreaCodes[i])] = nominalRanks[i];
        }

        var changing = Enumerable.Range(0, d).Where(j => inputs[j].ChangesIndicators).ToArray();
        var aggregateInput = Enumerable.Range(0, d).Where(j => inputs[j].Kind == UncertainInputKind.Aggregate).DefaultIfEmpty(-1).First();
        var weightInputs = Enumerable.Range(0, d).Where(j => inputs[j].Kind == UncertainInputKind.Weights).ToArray();
        var weightKinds = weightInputs.Select(j => inputs[j]).ToArray();

        // The plan: each run's stage (its combination of indicator-changing picks) and aggregation; runs sharing both
        // are evaluated in batches, so a batch reads the stage's indicator table once for all its runs.
        var stageOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var stagePicks = new List<int[]>();
        var plan = new (int Stage, int Aggregation)[runCount];
        for (var r = 0; r < runCount; r++)
        {
            var u = design[r];
            var picks = changing.Select(j => inputs[j].Pick(u[j])).ToArray();
            var key = string.Join("|", picks);
            if (!stageOf.TryGetValue(key, out var id))
            {
                id = stagePicks.Count;
                stageOf[key] = id;
                stagePicks.Add(picks);
            }

            plan[r] = (id, aggregateInput >= 0 ? inputs[aggregateInput].Pick(u[aggregateInput]) : -1);
        }

        var stages = stagePicks.Select(picks => picks.Length == 0
                ? Stage.Of(definition, nominalResult, data)
                : Stage.Build(definition, data, changing.Select((j, t) => (inputs[j], picks[t])), registry, cancellationToken))
            .ToArray();
        var batches = Enumerable.Range(0, runCount).GroupBy(r => plan[r]).SelectMany(g => g.Chunk(Worker.Batch)).ToArray();

        var store = new RankStore(storedRuns, n);
        var shifts = new double[runCount];
        var done = 0;
        var step = Math.Max(1, runCount / 200);
        var nextBatch = -1;
        var workers = Math.Max(1, Math.Min(Environment.ProcessorCount, batches.Length));
        try
        {
            // One worker per core, each with its own buffers for the whole analysis, taking batches until none is left.
            Parallel.For(0, workers, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = workers, TaskScheduler = TaskScheduler.Current }, (_, state) =>
            {
                var worker = new Worker(n);
                int b;
                while (!state.ShouldExitCurrentIteration && (b = Interlocked.Increment(ref nextBatch)) < batches.Length)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var runs = batches[b];
                    var (stageId, pick) = plan[runs[0]];
                    var stage = stages[stageId];
                    var aggregation = pick >= 0 ? inputs[aggregateInput].Methods[pick] : null;
                    worker.Evaluate(stage, aggregation, runs, r => weightInputs.Select(j => design[r][j]), weightKinds, registry);
                    for (var t = 0; t < runs.Length; t++)
                    {
                        var r = runs[t];
                        var ranks = worker.Ranks(stage, t);
                        var shift = 0L;
                        var count = 0;
                        for (var i = 0; i < n; i++)
                        {
                            if (ranks[i] > 0 && nominal[i] > 0)
                            {
                                shift += Math.Abs(ranks[i] - nominal[i]);
                                count++;
                            }
                        }

                        shifts[r] = count == 0 ? double.NaN : (double)shift / count;
                        if (r < storedRuns)
                        {
                            store.Write(r, ranks);
                        }
                    }

                    var completed = Interlocked.Add(ref done, runs.Length);
                    if (progress is not null && (completed / step != (completed - runs.Length) / step || completed == runCount))
                    {
                        progress.Report(completed);
                    }
                }
            });
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

            return Of(definition, IndexPipeline.Run(definition, data, keepTables: true, registry, cancellationToken), data);
        }

        /// <summary>The stage of a run already made with <paramref name="definition"/> (the nominal run, when no input changes the indicators).</summary>
        public static Stage Of(IndexDefinition definition, IndexResult result, IndicatorData data)
        {
            var indicators = definition.Indicators;
            var aggregates = definition.AggregatesBottomUp;
            var position = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var k = 0; k < indicators.Length; k++) position[indicators[k].Code] = k;
            for (var m = 0; m < aggregates.Length; m++) position[aggregates[m].Code] = indicators.Length + m;
            var context = ColumnContext.For(definition.Root.Code, result.AreaCodes);
            var columns = indicators.Select(i => result[i.Code].Scores.ToArray()).ToArray();
            return new Stage
            {
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

    /// <summary>
    /// One thread's buffers, kept for the whole analysis: every aggregate's output column for each run of a batch, and
    /// the ranks. Arithmetic means and minima run in <see cref="Kernels"/>, a batch at a time; other aggregators run by
    /// the registry, a run at a time.
    /// </summary>
    private sealed class Worker(int areas)
    {
        /// <summary>Runs evaluated together: enough to reuse each block of indicator columns from cache, few enough to keep their outputs there.</summary>
        public const int Batch = 8;

        private readonly int[][] _ranks = Enumerable.Range(0, Batch).Select(_ => new int[areas]).ToArray();
        private readonly Dictionary<(int Rows, int Nodes), Buffers> _buffers = [];
        private Buffers? _current;

        /// <summary>Aggregates and ranks the runs <paramref name="runs"/> (sharing <paramref name="stage"/> and the aggregation).</summary>
        public void Evaluate(Stage stage, MethodSpec? aggregation, int[] runs, Func<int, IEnumerable<double>> draws, UncertainInput[] weightInputs, MethodRegistry registry)
        {
            var k = stage.Indicators.Length;
            var n = stage.Rows.Length;
            var nodes = stage.Aggregates.Length;
            if (!_buffers.TryGetValue((n, nodes), out var b))
            {
                b = new Buffers(n, stage);
                _buffers[(n, nodes)] = b;
            }

            _current = b;
            var count = runs.Length;
            for (var t = 0; t < count; t++)
            {
                var u = draws(runs[t]).ToArray();
                for (var m = 0; m < nodes; m++)
                {
                    var node = stage.Aggregates[m];
                    var weights = b.Weights[t][m];
                    for (var c = 0; c < node.Children.Length; c++)
                    {
                        var w = node.Weights[c];
                        for (var j = 0; j < weightInputs.Length; j++)
                        {
                            if (weightInputs[j].Level == stage.Levels[node.Children[c]]) w *= WeightFactor(u[j], node.Children[c], weightInputs[j].Noise);
                        }

                        weights[c] = w;
                    }
                }
            }

            for (var m = 0; m < nodes; m++)
            {
                var node = stage.Aggregates[m];
                var spec = aggregation ?? node.Spec;
                var aggregator = registry.Get<IAggregator>(spec.Method);
                for (var c = 0; c < node.Children.Length; c++)
                {
                    var at = node.Children[c];
                    for (var t = 0; t < count; t++)
                    {
                        b.Children[t][m][c] = at < k ? stage.Indicators[at] : b.Outputs[t][at - k];
                    }
                }

                var batch = b.Batch(m, count);
                if (aggregator is ArithmeticMeanAggregator)
                {
                    Kernels.Means(batch, node.MinCoverage);
                }
                else if (aggregator is MinimumAggregator)
                {
                    Kernels.Minima(batch, node.MinCoverage);
                }

                for (var t = 0; t < count; t++)
                {
                    if (batch.Exact[t]) continue;
                    var children = b.Children[t][m];
                    var output = b.Outputs[t][m];
                    var complete = true;
                    foreach (var at in node.Children)
                    {
                        complete &= at < k ? !stage.IndicatorHasMissing[at] : !HasMissing(b.Outputs[t][at - k]);
                    }

                    aggregator.Aggregate(new AggregationInput(children, b.Weights[t][m], spec, node.Context), output);
                    // Without a minimum coverage the aggregator's own rule (no child present → NaN) is the pipeline's.
                    if (!complete && node.MinCoverage > 0)
                    {
                        ApplyCoverage(children, output, node.MinCoverage, b.Present);
                    }
                }
            }

            // Runs whose index is identical to the previous run's (an aggregation that ignores the weights) share its ranks.
            for (var t = 0; t < count; t++)
            {
                var index = b.Outputs[t][nodes - 1];
                if (t > 0 && index.AsSpan().SequenceEqual(b.Outputs[t - 1][nodes - 1]))
                {
                    b.Ranks[t - 1].CopyTo(b.Ranks[t], 0);
                }
                else
                {
                    Ranking.RankDescending(index, b.Ranks[t]);
                }
            }
        }

        /// <summary>Run <paramref name="t"/> of the last batch's ranks by data row (0 = unranked).</summary>
        public int[] Ranks(Stage stage, int t)
        {
            var ranks = _ranks[t];
            Array.Clear(ranks);
            var own = _current!.Ranks[t];
            for (var i = 0; i < stage.Rows.Length; i++)
            {
                ranks[stage.Rows[i]] = own[i];
            }

            return ranks;
        }

        private static bool HasMissing(double[] column) => column.AsSpan().IndexOfAnyExceptInRange(double.NegativeInfinity, double.PositiveInfinity) >= 0;

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

        /// <summary>Per run of a batch (index t) and aggregate (m): output column, child columns, child weights.</summary>
        private sealed class Buffers
        {
            public Buffers(int n, Stage stage)
            {
                Outputs = Make(_ => stage.Aggregates.Select(_ => new double[n]).ToArray());
                Children = Make(_ => stage.Aggregates.Select(a => new double[a.Children.Length][]).ToArray());
                Weights = Make(_ => stage.Aggregates.Select(a => new double[a.Children.Length]).ToArray());
                Ranks = Make(_ => new int[n]);
                Present = new double[n];
            }

            public double[][][] Outputs { get; }
            public double[][][][] Children { get; }
            public double[][][] Weights { get; }
            public int[][] Ranks { get; }
            public double[] Present { get; }

            /// <summary>Aggregate <paramref name="m"/> of the first <paramref name="count"/> runs, as the kernels take it.</summary>
            public Kernels.BatchNode Batch(int m, int count) => new(
                Children.Take(count).Select(c => c[m]).ToArray(),
                Weights.Take(count).Select(w => w[m]).ToArray(),
                Outputs.Take(count).Select(o => o[m]).ToArray(),
                new bool[count]);

            private static T[] Make<T>(Func<int, T> make) => Enumerable.Range(0, Worker.Batch).Select(make).ToArray();
        }
    }
}
