using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace WellbeingIndex.Engine.Diagnostics;

/// <summary>
/// The one <see cref="ActivitySource"/> and <see cref="Meter"/> of WellbeingIndex, both named <see cref="Name"/> so an
/// OpenTelemetry SDK subscribes with <c>AddSource("WellbeingIndex")</c> and <c>AddMeter("WellbeingIndex")</c>. Attribute
/// names follow the OpenTelemetry semantic conventions where one exists (<c>db.*</c>, <c>error.type</c>) and are
/// namespaced <c>wellbeing.*</c> otherwise. Nothing is recorded, and almost nothing costs, until a listener is attached.
/// </summary>
public static class WellbeingTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "WellbeingIndex";

    /// <summary>Activity: one engine build (<c>IndexPipeline.Run</c>) of a definition over data.</summary>
    public const string IndexBuild = "wellbeing.index.build";

    /// <summary>Activity: a framework run (or series) computed from its providers.</summary>
    public const string RunCompute = "wellbeing.run.compute";

    /// <summary>Activity: a run (or series) computed and published to a store.</summary>
    public const string Publish = "wellbeing.publish";

    /// <summary>Activity: one entity-group transaction (a batch of at most 100 rows) submitted to Table Storage.</summary>
    public const string TableTransaction = "wellbeing.table.transaction";

    /// <summary>
    /// Activity: any other call to Table Storage (a point read, a page of a query, an add, an update, a table create),
    /// named by its <see cref="DbOperation"/> and displayed as "<c>{operation} {table}</c>".
    /// </summary>
    public const string TableOperation = "wellbeing.table.operation";

    /// <summary>Attribute: the framework id (<c>london</c>).</summary>
    public const string FrameworkId = "wellbeing.framework.id";

    /// <summary>Attribute: <c>run</c> or <c>series</c>.</summary>
    public const string RunKind = "wellbeing.run.kind";

    /// <summary>Attribute: the run (or series) id published.</summary>
    public const string RunId = "wellbeing.run.id";

    /// <summary>Attribute: the reference period computed (<c>2023</c>), or the first of a series.</summary>
    public const string Period = "wellbeing.period";

    /// <summary>Attribute: the definition's id.</summary>
    public const string IndexId = "wellbeing.index.id";

    /// <summary>Attribute: how many areas a build or run covers.</summary>
    public const string Areas = "wellbeing.areas";

    /// <summary>Attribute: how many indicators a build reads.</summary>
    public const string Indicators = "wellbeing.indicators";

    /// <summary>OpenTelemetry attribute: the storage system (<c>azure.tables</c>).</summary>
    public const string DbSystem = "db.system.name";

    /// <summary>OpenTelemetry attribute: the table name.</summary>
    public const string DbCollection = "db.collection.name";

    /// <summary>OpenTelemetry attribute: the storage operation (<c>GetEntity</c>, <c>QueryEntities</c>, <c>SubmitTransaction</c>; <c>publish</c>, <c>read</c> for faults).</summary>
    public const string DbOperation = "db.operation.name";

    /// <summary>OpenTelemetry attribute: rows in a transaction.</summary>
    public const string DbBatchSize = "db.operation.batch.size";

    /// <summary>OpenTelemetry attribute: the storage's HTTP status of a failed call (<c>404</c>, <c>409</c>).</summary>
    public const string DbResponseStatus = "db.response.status_code";

    /// <summary>OpenTelemetry attribute: the class of error (a storage error code such as <c>TableNotFound</c>, or an exception type).</summary>
    public const string ErrorType = "error.type";

    /// <summary>The <see cref="DbSystem"/> value of Azure Table Storage and Azurite.</summary>
    public const string AzureTables = "azure.tables";

    private static readonly string? Version = typeof(WellbeingTelemetry).Assembly.GetName().Version?.ToString();

    /// <summary>Traces pipeline runs, publishes and table transactions.</summary>
    public static readonly ActivitySource Source = new(Name, Version);

    /// <summary>Counts and times the same.</summary>
    public static readonly Meter Meter = new(Name, Version);

    /// <summary><c>wellbeing.runs.computed</c>: framework runs and series computed, by framework and kind.</summary>
    public static readonly Counter<long> RunsComputed =
        Meter.CreateCounter<long>("wellbeing.runs.computed", "{run}", "Framework runs and series computed.");

    /// <summary><c>wellbeing.publish.rows</c>: table rows written by publishes, by table.</summary>
    public static readonly Counter<long> PublishRows =
        Meter.CreateCounter<long>("wellbeing.publish.rows", "{row}", "Rows written to Table Storage by publishes.");

    /// <summary><c>wellbeing.publish.failures</c>: publishes that failed, by framework, kind and error type.</summary>
    public static readonly Counter<long> PublishFailures =
        Meter.CreateCounter<long>("wellbeing.publish.failures", "{publish}", "Publishes that failed.");

    /// <summary><c>db.client.operation.duration</c> (seconds): each call to Table Storage, by table, operation and outcome.</summary>
    public static readonly Histogram<double> TableOperationDuration = Meter.CreateHistogram<double>(
        "db.client.operation.duration", "s", "Duration of Table Storage calls.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    /// <summary><c>wellbeing.storage.failures</c>: storage faults met (a vanished table, storage unreachable), by operation and error type.</summary>
    public static readonly Counter<long> StorageFailures =
        Meter.CreateCounter<long>("wellbeing.storage.failures", "{failure}", "Storage faults: vanished tables, unreachable or failing storage.");

    /// <summary>Starts <paramref name="name"/> only when something listens, so an unobserved process pays one check.</summary>
    public static Activity? Start(string name, ActivityKind kind = ActivityKind.Internal) =>
        Source.HasListeners() ? Source.StartActivity(name, kind) : null;

    /// <summary>Marks <paramref name="activity"/> failed with <paramref name="errorType"/> (OpenTelemetry's error status and <c>error.type</c>).</summary>
    public static void Fail(Activity? activity, string errorType, string? description = null)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetStatus(ActivityStatusCode.Error, description);
        activity.SetTag(ErrorType, errorType);
    }
}
