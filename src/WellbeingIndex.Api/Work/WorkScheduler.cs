using System.Collections.Concurrent;

namespace WellbeingIndex.Api.Work;

/// <summary>
/// A task scheduler with its own threads for heavy computations and jobs. A heavy request or job is called on these
/// threads, and its continuations resume there, so the thread that blocks for the length of an analysis (the caller
/// of the engine's synchronous <c>Parallel.For</c> loops, which takes part in them) is never one of the thread pool's,
/// which serve requests. The loops' other workers run here too: the engine's <c>ParallelOptions</c> take
/// <see cref="TaskScheduler.Current"/>, so heavy work never borrows the pool's threads; how much of it runs at once is
/// bounded by <see cref="HeavyWork"/> and the job runner.
/// </summary>
public sealed class WorkScheduler : TaskScheduler, IDisposable
{
    [ThreadStatic]
    private static WorkScheduler? _ownerOfThread;

    private readonly BlockingCollection<Task> _tasks = [];
    private readonly Thread[] _threads;

    /// <param name="threads">Number of threads (at least one).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threads"/> is below one.</exception>
    public WorkScheduler(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _threads = new Thread[threads];
        for (var i = 0; i < threads; i++)
        {
            _threads[i] = new Thread(Loop) { IsBackground = true, Name = $"wellbeing-work-{i + 1}", Priority = ThreadPriority.BelowNormal };
            _threads[i].Start();
        }
    }

    public override int MaximumConcurrencyLevel => _threads.Length;

    /// <summary>Runs <paramref name="work"/> on this scheduler's threads (its continuations too).</summary>
    public Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return Task.Factory.StartNew(work, cancellationToken, TaskCreationOptions.DenyChildAttach, this).Unwrap();
    }

    /// <summary>Lets the threads finish what is queued and end; nothing more may be scheduled.</summary>
    public void Dispose() => _tasks.CompleteAdding();

    protected override void QueueTask(Task task) => _tasks.Add(task);

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        _ownerOfThread == this && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => _tasks.ToArray();

    private void Loop()
    {
        _ownerOfThread = this;
        foreach (var task in _tasks.GetConsumingEnumerable())
        {
            TryExecuteTask(task);
        }
    }
}
