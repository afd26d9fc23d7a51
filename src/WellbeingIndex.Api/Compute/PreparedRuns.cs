using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;
using NodaTime;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Pipeline;
using WellbeingIndex.Providers;
using WellbeingIndex.Publication;

namespace WellbeingIndex.Api.Compute;

/// <summary>
/// What the compute path keeps in memory between requests, so a what-if costs one run of the recipe and nothing else:
/// each framework's latest period, its run over every area at a period (the providers' values already gathered into
/// the engine's columns, with the run id it is published under) and the what-if definitions already built and checked.
/// Provider data never change while the process runs, so nothing here goes stale; each cache is bounded by
/// <see cref="MaxEntries"/> (emptied when full), as periods and variants come from requests.
/// </summary>
public sealed class PreparedRuns(WellbeingRuntime runtime, IClock clock)
{
    /// <summary>Entries kept per cache at most.</summary>
    public const int MaxEntries = 256;

    private readonly ConcurrentDictionary<string, Lazy<Task<ReferencePeriod>>> _latest = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Framework, ReferencePeriod Period), Lazy<Task<BaseRun>>> _bases = new();
    private readonly ConcurrentDictionary<(string Framework, string WhatIf), PreparedDefinition> _definitions = new();

    /// <summary>A framework computed over all its areas at a period, as published, with its run id.</summary>
    public sealed record BaseRun(FrameworkRun Run, string RunId);

    /// <summary>A what-if definition and the fingerprint (hash of its canonical JSON) that identifies it.</summary>
    public sealed record PreparedDefinition(IndexDefinition Definition, string Fingerprint)
    {
        /// <summary>The what-if run id last derived from this variant, with the base run it varies (see <see cref="WhatIfRunId"/>).</summary>
        internal Tuple<BaseRun, string>? LastRunId { get; set; }
    }

    /// <summary>The framework's latest period (see <see cref="FrameworkRunner.LatestPeriodAsync"/>).</summary>
    public Task<ReferencePeriod> LatestPeriodAsync(Framework framework, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(framework);
        return Shared(_latest, framework.Id, () => runtime.Runner.LatestPeriodAsync(framework, CancellationToken.None), ct);
    }

    /// <summary>The framework's own recipe over every area at <paramref name="period"/>.</summary>
    /// <exception cref="Engine.IndexComputationException">The data cannot support the run.</exception>
    public Task<BaseRun> BaseAsync(Framework framework, ReferencePeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(framework);
        return Shared(_bases, (framework.Id, period), async () =>
        {
            var run = await runtime.Runner.ComputeAsync(framework, period, ct: CancellationToken.None).ConfigureAwait(false);
            return new BaseRun(run, RunPublication.From(run).RunId);
        }, ct);
    }

    /// <summary>
    /// The what-if variant of <paramref name="framework"/> for <paramref name="request"/>, built by
    /// <see cref="WhatIf.Apply"/> the first time these changes (<paramref name="body"/>'s what-if fields, as sent) are seen.
    /// </summary>
    /// <exception cref="Http.ApiException">400 naming the request fields the variant is invalid in.</exception>
    public PreparedDefinition Definition(Framework framework, ComputeRequest request, JObject body)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(body);
        var key = (framework.Id, string.Join('\u0001', WhatIfFields.Select(f => body[f]?.ToString(Newtonsoft.Json.Formatting.None))));
        if (_definitions.TryGetValue(key, out var prepared))
        {
            return prepared;
        }

        var definition = WhatIf.Apply(framework.Definition, request);
        prepared = new PreparedDefinition(definition, Hash(IndexDefinitionJson.ToJson(definition).ToString(Newtonsoft.Json.Formatting.None)));
        Bound(_definitions);
        return _definitions.GetOrAdd(key, prepared);
    }

    /// <summary>
    /// <paramref name="definition"/> run over the base run's data: the same values, the same areas, another recipe
    /// (only the aggregation again when only weights changed: see <see cref="IndexPipeline.Vary"/>).
    /// </summary>
    public FrameworkRun Vary(BaseRun baseRun, IndexDefinition definition, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(baseRun);
        ArgumentNullException.ThrowIfNull(definition);
        var run = baseRun.Run;
        var result = IndexPipeline.Vary(run.Result, definition, cancellationToken: ct);
        return run with { Framework = run.Framework with { Definition = definition }, Result = result, ComputedAt = clock.GetCurrentInstant() };
    }

    /// <summary>The lean answer's id of a what-if over every area: the base run's id and the variant's fingerprint.</summary>
    public static string WhatIfRunId(BaseRun baseRun, PreparedDefinition prepared)
    {
        ArgumentNullException.ThrowIfNull(baseRun);
        ArgumentNullException.ThrowIfNull(prepared);
        var known = prepared.LastRunId;
        if (known is not null && ReferenceEquals(known.Item1, baseRun))
        {
            return known.Item2;
        }

        var id = baseRun.Run.Period.ToString().Replace('/', '-') + "-" + Hash(baseRun.RunId + "\n" + prepared.Fingerprint)[..16];
        prepared.LastRunId = Tuple.Create(baseRun, id);
        return id;
    }

    private static readonly string[] WhatIfFields = ["weights", "normalise", "aggregate", "nodes"];

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static void Bound<TKey, TValue>(ConcurrentDictionary<TKey, TValue> cache) where TKey : notnull
    {
        if (cache.Count >= MaxEntries)
        {
            cache.Clear();
        }
    }

    /// <summary>
    /// One computation per key shared by every caller, never cancelled by one caller leaving (each waits with its own
    /// token); a failure is not kept, so the next caller tries again.
    /// </summary>
    private static async Task<T> Shared<TKey, T>(ConcurrentDictionary<TKey, Lazy<Task<T>>> cache, TKey key, Func<Task<T>> compute, CancellationToken ct)
        where TKey : notnull
    {
        if (!cache.TryGetValue(key, out var entry))
        {
            Bound(cache);
            entry = cache.GetOrAdd(key, _ => new Lazy<Task<T>>(compute, LazyThreadSafetyMode.ExecutionAndPublication));
        }

        try
        {
            return await entry.Value.WaitAsync(ct).ConfigureAwait(false);
        }
        catch (Exception) when (entry.Value.IsFaulted || entry.Value.IsCanceled)
        {
            cache.TryRemove(new KeyValuePair<TKey, Lazy<Task<T>>>(key, entry));
            throw;
        }
    }
}
