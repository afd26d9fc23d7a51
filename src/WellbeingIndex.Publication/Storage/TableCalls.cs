using System.Diagnostics;
using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using WellbeingIndex.Engine.Diagnostics;

namespace WellbeingIndex.Publication.Storage;

/// <summary>
/// The storage fault policy of <see cref="TableResultStore"/>, applied around each of its operations:
/// <list type="bullet">
/// <item>a table that vanished (<c>TableNotFound</c>: an emulator restart, a deleted table) is recreated and the whole
/// operation retried once: publishes are idempotent and reads then answer what is true (nothing published);</item>
/// <item>storage that cannot be reached, times out or fails with a server error after the client's few retries
/// (<see cref="ClientOptions"/>) becomes a <see cref="StorageUnavailableException"/>, so callers fail fast with a
/// retryable error instead of a generic one;</item>
/// <item>each fault is logged and counted (<c>wellbeing.storage.failures</c>); each call to storage is traced and timed
/// (<see cref="TraceAsync{T}"/>).</item>
/// </list>
/// </summary>
internal sealed class TableCalls
{
    /// <summary>What a caller is told to wait before trying again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>The service's error code for a table that does not exist (an entity that does not exist is <c>ResourceNotFound</c>).</summary>
    private const string TableNotFound = "TableNotFound";

    private static readonly KeyValuePair<string, object?> Tables = new(WellbeingTelemetry.DbSystem, WellbeingTelemetry.AzureTables);

    private readonly Func<CancellationToken, Task> _recreateTables;
    private readonly ILogger _logger;
    private readonly Uri _account;

    /// <param name="recreateTables">Creates every table of the store that does not exist.</param>
    /// <param name="logger">Gets a line per storage fault.</param>
    /// <param name="account">The table service endpoint, named in logs (never in answers).</param>
    public TableCalls(Func<CancellationToken, Task> recreateTables, ILogger logger, Uri account)
    {
        ArgumentNullException.ThrowIfNull(recreateTables);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(account);
        _recreateTables = recreateTables;
        _logger = logger;
        _account = account;
    }

    /// <summary>
    /// Bounded retries and timeouts: two retries 0.2 s then 0.4 s apart and a 5 s network timeout per try, so an
    /// unreachable account fails within a second (connection refused) and a silent one within about 16 s, not after
    /// the SDK's default of three retries up to a minute apart with 100 s timeouts.
    /// </summary>
    public static TableClientOptions ClientOptions() => new()
    {
        Retry =
        {
            Mode = RetryMode.Exponential,
            MaxRetries = 2,
            Delay = TimeSpan.FromSeconds(0.2),
            MaxDelay = TimeSpan.FromSeconds(1),
            NetworkTimeout = TimeSpan.FromSeconds(5),
        },
    };

    /// <summary>Runs <paramref name="operation"/>, recreating vanished tables and retrying it once.</summary>
    /// <param name="name">The operation, for logs and the <c>db.operation.name</c> tag (<c>publish</c>, <c>read</c>).</param>
    /// <param name="operation">The whole store operation: it must be safe to run again from the start.</param>
    /// <param name="cancellationToken">The caller's token; its cancellation is never reported as a storage fault.</param>
    /// <exception cref="StorageUnavailableException">Storage unreachable, timed out or failing, or a table vanished twice.</exception>
    public async Task<T> RunAsync<T>(string name, Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        try
        {
            return await operation(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsTableNotFound(e))
        {
            Count(name, TableNotFound);
            _logger.LogWarning("A table of {Account} vanished during {Operation} (TableNotFound): recreating the tables and retrying once", _account, name);
        }
        catch (Exception e) when (Unavailable(e, cancellationToken) is { } unavailable)
        {
            throw Report(name, unavailable);
        }

        try
        {
            await _recreateTables(cancellationToken).ConfigureAwait(false);
            return await operation(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsTableNotFound(e))
        {
            throw Report(name, new StorageUnavailableException(404, TableNotFound,
                "A Table Storage table vanished again right after being recreated.", RetryAfter, e));
        }
        catch (Exception e) when (Unavailable(e, cancellationToken) is { } unavailable)
        {
            throw Report(name, unavailable);
        }
    }

    /// <summary>One entity by its keys; null when the table holds no such entity (but a vanished table throws <c>TableNotFound</c>).</summary>
    /// <remarks>
    /// The client's <c>GetEntityIfExistsAsync</c> answers "no value" to any 404, a vanished table's included, which would
    /// bypass <see cref="RunAsync{T}"/>'s recreate-and-retry; this read tells the two apart by the service's error code.
    /// </remarks>
    public static Task<TableEntity?> GetAsync(TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken) =>
        TraceAsync(table.Name, "GetEntity", async ct =>
        {
            try
            {
                return (await table.GetEntityAsync<TableEntity>(partitionKey, rowKey, cancellationToken: ct).ConfigureAwait(false)).Value;
            }
            catch (RequestFailedException e) when (e is { Status: 404 } && e.ErrorCode != TableNotFound)
            {
                return null;
            }
        }, cancellationToken);

    /// <summary>Every entity matching <paramref name="filter"/>, each page of the query a traced call.</summary>
    public static async Task<List<TableEntity>> QueryAsync(TableClient table, string filter, int? pageSize, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        await using var pages = table.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: cancellationToken).AsPages()
            .GetAsyncEnumerator(cancellationToken);
        while (await TraceAsync(table.Name, "QueryEntities", async _ => await pages.MoveNextAsync().ConfigureAwait(false), cancellationToken)
            .ConfigureAwait(false))
        {
            rows.AddRange(pages.Current.Values);
        }

        return rows;
    }

    /// <summary>Submits one entity-group transaction, traced (<c>wellbeing.table.transaction</c>), timed and counted.</summary>
    public static async Task SubmitAsync(TableClient table, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        await TraceAsync(table.Name, "SubmitTransaction", async ct => await table.SubmitTransactionAsync(actions, ct).ConfigureAwait(false),
            cancellationToken, actions.Count).ConfigureAwait(false);
        WellbeingTelemetry.PublishRows.Add(actions.Count, Tables, new KeyValuePair<string, object?>(WellbeingTelemetry.DbCollection, table.Name));
    }

    /// <summary>
    /// Runs one call to Table Storage inside a client activity and times it in <c>db.client.operation.duration</c>, with
    /// the OpenTelemetry database attributes (<c>db.system.name</c>, <c>db.collection.name</c>, <c>db.operation.name</c>;
    /// on failure <c>error.type</c> and <c>db.response.status_code</c>). Transactions are <c>wellbeing.table.transaction</c>
    /// (with <c>db.operation.batch.size</c>), every other call <c>wellbeing.table.operation</c>, displayed as
    /// "<c>{operation} {table}</c>". Every table call of the store goes through here.
    /// </summary>
    /// <param name="table">The table (<c>db.collection.name</c>).</param>
    /// <param name="operation">The Table Storage operation (<c>GetEntity</c>, <c>QueryEntities</c>, <c>AddEntity</c>...).</param>
    /// <param name="call">The call itself.</param>
    /// <param name="cancellationToken">Passed to <paramref name="call"/>.</param>
    /// <param name="batchSize">Rows in a transaction; null for any other call.</param>
    public static async Task<T> TraceAsync<T>(string table, string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken,
        int? batchSize = null)
    {
        using var activity = WellbeingTelemetry.Start(batchSize is null ? WellbeingTelemetry.TableOperation : WellbeingTelemetry.TableTransaction,
            ActivityKind.Client);
        if (activity is not null)
        {
            activity.DisplayName = $"{operation} {table}";
            activity.SetTag(Tables.Key, Tables.Value).SetTag(WellbeingTelemetry.DbCollection, table).SetTag(WellbeingTelemetry.DbOperation, operation);
            if (batchSize is { } size)
            {
                activity.SetTag(WellbeingTelemetry.DbBatchSize, size);
            }
        }

        var started = Stopwatch.GetTimestamp();
        var tags = new TagList { Tables, { WellbeingTelemetry.DbCollection, table }, { WellbeingTelemetry.DbOperation, operation } };
        try
        {
            var result = await call(cancellationToken).ConfigureAwait(false);
            WellbeingTelemetry.TableOperationDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
            return result;
        }
        catch (Exception e)
        {
            var error = ErrorType(e);
            WellbeingTelemetry.Fail(activity, error, FirstLine(e));
            tags.Add(WellbeingTelemetry.ErrorType, error);
            if (Innermost(e) is RequestFailedException { Status: > 0 } r)
            {
                var status = r.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
                activity?.SetTag(WellbeingTelemetry.DbResponseStatus, status);
                tags.Add(WellbeingTelemetry.DbResponseStatus, status);
            }

            WellbeingTelemetry.TableOperationDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
            throw;
        }
    }

    /// <summary>
    /// The fault <paramref name="exception"/> stands for when storage is unreachable, timed out or failing; null for
    /// anything else (a conflict, a bad request, the caller cancelling). The client reports transport failures as status 0.
    /// </summary>
    internal static StorageUnavailableException? Unavailable(Exception exception, CancellationToken cancellationToken)
    {
        if (exception is StorageUnavailableException already)
        {
            return already;
        }

        var e = Innermost(exception);
        return e switch
        {
            OperationCanceledException when !cancellationToken.IsCancellationRequested => new StorageUnavailableException(0,
                StorageUnavailableException.Timeout, $"Table Storage did not answer in time: {FirstLine(e)}", RetryAfter, exception),
            RequestFailedException { Status: 0 } r => new StorageUnavailableException(0, StorageUnavailableException.Unreachable,
                $"Table Storage could not be reached: {FirstLine(r.InnerException ?? r)}", RetryAfter, exception),
            RequestFailedException { Status: 408 or 429 or 500 or 502 or 503 or 504 } r => new StorageUnavailableException(r.Status,
                r.ErrorCode ?? $"Http{r.Status}", $"Table Storage failed with {r.Status} {r.ErrorCode}: {FirstLine(r)}", RetryAfter, exception),
            _ => null,
        };
    }

    private static bool IsTableNotFound(Exception exception) =>
        Innermost(exception) is RequestFailedException { Status: 404, ErrorCode: TableNotFound };

    /// <summary>The client's own exception: the retry policy wraps the tries' failures in an <see cref="AggregateException"/>.</summary>
    private static Exception Innermost(Exception exception)
    {
        while (exception is AggregateException { InnerExceptions.Count: > 0 } aggregate)
        {
            exception = aggregate.InnerExceptions[^1];
        }

        return exception;
    }

    private static string ErrorType(Exception exception) => Innermost(exception) switch
    {
        RequestFailedException { ErrorCode: { Length: > 0 } code } => code,
        RequestFailedException { Status: > 0 } r => r.Status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        var e => e.GetType().FullName ?? e.GetType().Name,
    };

    private static string FirstLine(Exception exception) => exception.Message.Split('\n')[0].Trim();

    private StorageUnavailableException Report(string operation, StorageUnavailableException unavailable)
    {
        Count(operation, unavailable.ErrorCode!);
        _logger.LogError(unavailable.InnerException, "Table Storage at {Account} is unavailable during {Operation}: {Status} {ErrorCode}", _account,
            operation, unavailable.Status, unavailable.ErrorCode);
        return unavailable;
    }

    private static void Count(string operation, string errorType) => WellbeingTelemetry.StorageFailures.Add(1, Tables,
        new KeyValuePair<string, object?>(WellbeingTelemetry.DbOperation, operation), new KeyValuePair<string, object?>(WellbeingTelemetry.ErrorType, errorType));
}
