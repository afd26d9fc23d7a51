using System.Collections.Concurrent;
using WellbeingIndex.Engine.Analysis;
using WellbeingIndex.Engine.Data;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Methods.Normalisation;
using WellbeingIndex.Engine.Pipeline;
using WellbeingIndex.Engine.Uncertainty;

namespace WellbeingIndex.Engine.Tests.Pipeline;

/// <summary>
/// Work started on a scheduler with its own threads (the API's heavy-work gate) keeps its parallel parts on those
/// threads: the engine's loops take the current scheduler, so they never borrow the thread pool the HTTP server needs.
/// </summary>
public class DedicatedThreadsTests
{
    /// <summary>A scheduler with two threads of its own that counts the tasks queued to it.</summary>
    private sealed class CountingScheduler : TaskScheduler, IDisposable
    {
        private readonly BlockingCollection<Task> _tasks = [];
        private readonly Thread[] _threads;
        public int Queued;

        public CountingScheduler()
        {
            _threads = Enumerable.Range(0, 2).Select(_ => new Thread(() =>
            {
                foreach (var task in _tasks.GetConsumingEnumerable()) TryExecuteTask(task);
            }) { IsBackground = true }).ToArray();
            foreach (var thread in _threads) thread.Start();
        }

        public HashSet<int> ThreadIds => _threads.Select(t => t.ManagedThreadId).ToHashSet();

        public override int MaximumConcurrencyLevel => _threads.Length;

        public void Dispose() => _tasks.CompleteAdding();

        public Task<T> Run<T>(Func<T> work) => Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.DenyChildAttach, this);

        protected override void QueueTask(Task task)
        {
            Interlocked.Increment(ref Queued);
            _tasks.Add(task);
        }

        protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
            _threads.Contains(Thread.CurrentThread) && TryExecuteTask(task);

        protected override IEnumerable<Task> GetScheduledTasks() => _tasks.ToArray();
    }

    /// <summary>Min-max that records the thread each column was normalised on.</summary>
    private sealed class ThreadProbe : INormaliser
    {
        private readonly MinMaxNormaliser _inner = new();
        public readonly ConcurrentBag<(int Id, bool Pool)> Threads = [];
        public string Name => "threadprobe";
        public string Description => "min-max, recording its thread";
        public IEnumerable<ParameterProblem> Validate(MethodSpec spec) => _inner.Validate(spec);

        public FittedParameters Fit(ReadOnlySpan<double> reference, ReadOnlySpan<double> weights, MethodSpec spec, ColumnContext context) =>
            _inner.Fit(reference, weights, spec, context);

        public void Apply(FittedParameters parameters, ReadOnlySpan<double> values, Span<double> output, MethodSpec spec, ColumnContext context)
        {
            Threads.Add((Environment.CurrentManagedThreadId, Thread.CurrentThread.IsThreadPoolThread));
            _inner.Apply(parameters, values, output, spec, context);
        }
    }

    private const int Indicators = 16;

    private static (IndexDefinition Definition, IndicatorData Data, ThreadProbe Probe, MethodRegistry Registry) Build()
    {
        // Enough areas for the pipeline to run columns in parallel, and more columns than threads.
        var areas = IndexPipeline.ParallelFromAreas * 2;
        var probe = new ThreadProbe();
        var registry = MethodRegistry.Default.With(probe);
        var nodes = Enumerable.Range(0, Indicators)
            .Select(k => new NodeDefinition { Code = $"i{k}", Type = NodeType.Indicator, Parent = k % 2 == 0 ? "a" : "b" })
            .Concat([
                new NodeDefinition { Code = "a", Type = NodeType.Aggregate, Parent = "index" },
                new NodeDefinition { Code = "b", Type = NodeType.Aggregate, Parent = "index" },
                new NodeDefinition { Code = "index", Type = NodeType.Aggregate },
            ]).ToList();
        var definition = IndexDefinition.Create("threads", nodes,
            [new StepDefinition(StepNames.Normalise, new MethodSpec("threadprobe")), Examples.Mean()], registry: registry);
        var data = new IndicatorData(Enumerable.Range(0, areas).Select(i => $"A{i}").ToArray(),
            Enumerable.Range(0, Indicators).ToDictionary(k => $"i{k}", k => Enumerable.Range(0, areas).Select(i => (double)((i * (k + 3)) % 101)).ToArray()));
        return (definition, data, probe, registry);
    }

    [Fact]
    public async Task A_build_started_on_a_dedicated_scheduler_runs_its_columns_on_that_schedulers_threads()
    {
        var (definition, data, probe, registry) = Build();
        using var scheduler = new CountingScheduler();

        var result = await scheduler.Run(() => IndexPipeline.Run(definition, data, registry));

        // Every column was normalised once, each on one of the scheduler's two threads, none on a pool thread.
        Assert.Equal(Indicators, probe.Threads.Count);
        Assert.All(probe.Threads, t => Assert.False(t.Pool));
        Assert.Subset(scheduler.ThreadIds, probe.Threads.Select(t => t.Id).ToHashSet());
        // The build itself plus the parallel loops' workers were queued to it (the default scheduler would take only the first).
        Assert.True(scheduler.Queued > 1, $"{scheduler.Queued} task(s) queued to the dedicated scheduler.");
        // Areas 0 and 1 of i0: values 0 and 3 of 0..100 → 0 and 3 after min-max; the index is a mean of such scores.
        Assert.Equal(3, result["i0"].Scores[1], 12);
    }

    [Fact]
    public async Task A_sensitivity_analysis_and_an_audit_started_on_a_dedicated_scheduler_queue_their_workers_to_it()
    {
        var (definition, data, _, registry) = Build();
        using var scheduler = new CountingScheduler();
        var options = new SensitivityOptions { Inputs = UncertainInput.Parse("weights:0.25", definition), Runs = 40 };

        var analysis = await scheduler.Run(() => SensitivityAnalysis.Run(definition, data, options, registry: registry));
        var afterAnalysis = scheduler.Queued;
        var audit = await scheduler.Run(() => AuditResult.Of(IndexPipeline.Run(definition, data, registry)));

        Assert.Equal(40, analysis.RunCount);
        // The analysis itself plus its workers' loop (and the summary's): more than the one task started.
        Assert.True(afterAnalysis > 1, $"{afterAnalysis} task(s) queued for the analysis.");
        // The audit's statistics and correlation loops also queue workers: more than the one task started again.
        Assert.True(scheduler.Queued - afterAnalysis > 1, $"{scheduler.Queued - afterAnalysis} task(s) queued for the audit.");
        Assert.NotEmpty(audit.Correlations);
    }
}
