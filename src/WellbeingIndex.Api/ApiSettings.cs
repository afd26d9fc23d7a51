using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace WellbeingIndex.Api;

/// <summary>
/// The API's configuration, read once from environment variables / app settings (the Functions host passes its app
/// settings to the worker as environment variables, so the same names work in the function app and standalone).
/// </summary>
public sealed record ApiSettings
{
    public const string DataDirKey = "WELLBEING_DATA_DIR";
    public const string PluginsDirKey = "WELLBEING_PLUGINS_DIR";
    public const string TablesKey = "WELLBEING_TABLES";
    public const string TablePrefixKey = "WELLBEING_TABLE_PREFIX";
    public const string FrameworksKey = "WELLBEING_FRAMEWORKS";
    public const string PublishKeyKey = "WELLBEING_PUBLISH_KEY";
    public const string MaxBodyBytesKey = "WELLBEING_MAX_BODY_BYTES";
    public const string ScheduleKey = "WELLBEING_PUBLISH_SCHEDULE";
    public const string TimerKey = "WELLBEING_TIMER";
    public const string PublishOnStartKey = "WELLBEING_PUBLISH_ON_START";

    /// <summary>64 KiB: a what-if body is a few hundred bytes; anything near this is a mistake or abuse.</summary>
    public const int DefaultMaxBodyBytes = 64 * 1024;

    /// <summary>Configured data directory, or null to let <c>DataDirectory.Resolve</c> pick the default.</summary>
    public string? DataDirectory { get; init; }

    public string? PluginsDirectory { get; init; }

    /// <summary>Table Storage connection string; null means results are kept in memory only.</summary>
    public string? TablesConnectionString { get; init; }

    /// <summary>Prefix of the table names (letters and digits), so several deployments can share an account.</summary>
    public string TablePrefix { get; init; } = "Wellbeing";

    /// <summary>Frameworks the timer publishes.</summary>
    public IReadOnlyList<string> Frameworks { get; init; } = ["london"];

    /// <summary>Key required in <c>x-functions-key</c> to publish over HTTP when running standalone.</summary>
    public string? PublishKey { get; init; }

    public int MaxBodyBytes { get; init; } = DefaultMaxBodyBytes;

    /// <summary>The timer's schedule when none is configured: 06:00 every day (Europe/London).</summary>
    public const string DefaultSchedule = "0 0 6 * * *";

    /// <summary>
    /// Six-field NCRONTAB schedule of the publish timer: the function app's <c>PublishIndex</c> trigger reads the same
    /// app setting (<c>%WELLBEING_PUBLISH_SCHEDULE%</c>); the standalone server's in-process timer uses this.
    /// </summary>
    public string Schedule { get; init; } = DefaultSchedule;

    /// <summary>Run the publish schedule in-process (standalone only; under the host the host's timer calls us).</summary>
    public bool TimerEnabled { get; init; } = true;

    /// <summary>Publish once at start-up (standalone only) so published results are served immediately.</summary>
    public bool PublishOnStart { get; init; } = true;

    /// <summary>True in the function app (set by its composition root): the host checks function keys and runs the timer.</summary>
    public bool UnderFunctionsHost { get; init; }

    /// <summary>Reads settings; a malformed value throws naming the variable, so a bad deployment fails at start.</summary>
    public static ApiSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        string? Text(string key) => string.IsNullOrWhiteSpace(configuration[key]) ? null : configuration[key]!.Trim();

        var frameworks = Text(FrameworksKey)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new ApiSettings
        {
            DataDirectory = Text(DataDirKey),
            PluginsDirectory = Text(PluginsDirKey),
            TablesConnectionString = Text(TablesKey),
            TablePrefix = Text(TablePrefixKey) ?? "Wellbeing",
            Frameworks = frameworks is { Length: > 0 } ? frameworks : ["london"],
            PublishKey = Text(PublishKeyKey),
            MaxBodyBytes = Text(MaxBodyBytesKey) is { } max ? PositiveInt(MaxBodyBytesKey, max) : DefaultMaxBodyBytes,
            Schedule = Text(ScheduleKey) ?? DefaultSchedule,
            TimerEnabled = Text(TimerKey) is not { } t || Bool(TimerKey, t),
            PublishOnStart = Text(PublishOnStartKey) is not { } p || Bool(PublishOnStartKey, p),
        };
    }

    private static int PositiveInt(string key, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new InvalidOperationException($"{key} must be a positive whole number of bytes, got '{value}'.");

    private static bool Bool(string key, string value) => value.ToLowerInvariant() switch
    {
        "true" or "1" or "yes" or "on" => true,
        "false" or "0" or "no" or "off" => false,
        _ => throw new InvalidOperationException($"{key} must be true or false, got '{value}'."),
    };
}
