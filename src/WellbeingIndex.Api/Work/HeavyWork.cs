using System.Diagnostics;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using WellbeingIndex.Api.Http;

namespace WellbeingIndex.Api.Work;

/// <summary>
/// The gate of heavy requests (a computation with uncertainty runs, or one above <see cref="WorkLimits.LightWork"/>
/// cells): at most <see cref="WorkLimits.HeavyConcurrency"/> compute at once on the <see cref="WorkScheduler"/>'s
/// threads, <see cref="WorkLimits.HeavyQueue"/> more wait in order, and the rest are refused at once with 429 and a
/// <c>Retry-After</c> estimated from how long recent heavy requests took. Light requests pass straight through.
/// </summary>
public sealed class HeavyWork : IDisposable
{
    private readonly WorkLimits _limits;
    private readonly WorkScheduler _scheduler;
    private readonly ConcurrencyLimiter _limiter;
    private long _averageTicks = Stopwatch.Frequency; // start from a guess of one second
    private int _admitted;

    public HeavyWork(WorkLimits limits, WorkScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(scheduler);
        _limits = limits;
        _scheduler = scheduler;
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = limits.HeavyConcurrency,
            QueueLimit = limits.HeavyQueue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>Heavy requests computing or waiting now.</summary>
    public int Admitted => Volatile.Read(ref _admitted);

    /// <summary>
    /// Runs <paramref name="work"/>: at once when light, else through the gate on the work threads.
    /// </summary>
    /// <param name="cells">The request's cost (<see cref="WorkBudget.Cells"/>).</param>
    /// <param name="heavy">True when the request is heavy whatever its cost (uncertainty runs).</param>
    /// <param name="field">The request field a 429 names (what made the request heavy).</param>
    /// <param name="work">The computation.</param>
    /// <param name="cancellationToken">The request's token: a client that goes away leaves the queue.</param>
    /// <exception cref="ApiException">429 with Retry-After when the gate and its queue are full.</exception>
    public async Task<T> RunAsync<T>(long cells, bool heavy, string field, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!heavy && cells <= _limits.LightWork)
        {
            return await work(cancellationToken);
        }

        Interlocked.Increment(ref _admitted);
        try
        {
            using var lease = await _limiter.AcquireAsync(1, cancellationToken);
            if (!lease.IsAcquired)
            {
                throw Busy(field);
            }

            var started = Stopwatch.GetTimestamp();
            try
            {
                return await _scheduler.RunAsync(() => work(cancellationToken), cancellationToken);
            }
            finally
            {
                var took = Stopwatch.GetTimestamp() - started;
                // Exponential moving average over about the last eight heavy requests.
                var average = Volatile.Read(ref _averageTicks);
                Interlocked.Exchange(ref _averageTicks, average + (took - average) / 8);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _admitted);
        }
    }

    /// <summary>Seconds until a slot is likely free: the admitted requests' expected time over the slots, 1 to 60.</summary>
    public int RetryAfterSeconds()
    {
        var seconds = (double)Volatile.Read(ref _averageTicks) / Stopwatch.Frequency * Math.Max(1, Admitted) / _limits.HeavyConcurrency;
        return (int)Math.Clamp(Math.Ceiling(seconds), 1, 60);
    }

    public void Dispose() => _limiter.Dispose();

    private ApiException Busy(string field)
    {
        var retry = RetryAfterSeconds();
        var detail = $"The server is computing {_limits.HeavyConcurrency} heavy request(s) with {_limits.HeavyQueue} more waiting; retry after {retry} s, " +
            "or submit a long analysis as a job (POST /api/frameworks/{id}/sensitivity).";
        return new ApiProblem(StatusCodes.Status429TooManyRequests, "Too many heavy computations.", detail,
            new Dictionary<string, string[]> { [field] = [$"makes this a heavy computation, and the server has no room for one now; retry after {retry} s."] })
        {
            RetryAfter = TimeSpan.FromSeconds(retry),
        }.ToException();
    }
}
