using NodaTime;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Engine.Results;
using WellbeingIndex.Indicators;
using WellbeingIndex.Providers;

namespace WellbeingIndex.Cli;

/// <summary><c>compute --framework ID</c>: a built-in framework computed from its providers on the real data files.</summary>
internal static class FrameworkCompute
{
    public static async Task<FrameworkRun> RunAsync(string frameworkId, string? period, DirectoryInfo? dataDir, DirectoryInfo? plugins,
        RecipeFlags recipe, CancellationToken cancellationToken)
    {
        var context = Context(dataDir);
        var framework = FrameworkCatalog.FromAssembly(BuiltInIndicators.Assembly, data: context).Get(frameworkId);
        var runner = Runner(dataDir, plugins);
        var at = period is null ? await runner.LatestPeriodAsync(framework, cancellationToken) : ReferencePeriod.Parse(period);
        var definition = recipe.ApplyTo(framework.Definition);
        return await runner.ComputeAsync(framework, at, definitionOverride: ReferenceEquals(definition, framework.Definition) ? null : definition,
            ct: cancellationToken);
    }

    /// <summary>The providers of the built-in framework, from the data directory (and plug-ins).</summary>
    public static FrameworkRunner Runner(DirectoryInfo? dataDir, DirectoryInfo? plugins)
    {
        var context = Context(dataDir);
        return new FrameworkRunner(ProviderCatalog.Discover(context, [BuiltInIndicators.Assembly], plugins?.FullName), SystemClock.Instance);
    }

    /// <summary>The data directory: --data-dir, else WELLBEING_DATA_DIR, else ../shared/data beside the repository.</summary>
    public static ProviderContext Context(DirectoryInfo? dataDir) =>
        new(DataDirectory.Resolve(dataDir?.FullName ?? Environment.GetEnvironmentVariable(DataDirectory.EnvironmentVariable)));

    /// <summary>
    /// <c>compute --framework ID --time ... --from P --to P</c>: the framework over a span of periods as one series. The
    /// span defaults to the definition's time block (from, to), and its end to the framework's latest period.
    /// </summary>
    public static async Task<FrameworkSeries> RunSeriesAsync(string frameworkId, PanelFlags.Parsed flags, DirectoryInfo? dataDir, DirectoryInfo? plugins,
        RecipeFlags recipe, CancellationToken cancellationToken)
    {
        var framework = FrameworkCatalog.FromAssembly(BuiltInIndicators.Assembly).Get(frameworkId);
        var runner = Runner(dataDir, plugins);
        var definition = recipe.ApplyTo(framework.Definition);
        var from = PanelCompute.Period(flags.From ?? definition.Time?.From, "--from")
            ?? throw new UsageException($"framework '{frameworkId}' states no series start (time.from): give --from PERIOD.");
        var to = PanelCompute.Period(flags.To ?? definition.Time?.To, "--to") ?? await runner.LatestPeriodAsync(framework, cancellationToken);
        if (from.Kind != to.Kind)
        {
            to = ReferencePeriod.ForCalendarYear(to.Start.Year) is var y && from.Kind == PeriodKind.CalendarYear ? y : throw new UsageException($"--from {from} and --to {to} must be the same kind of period.");
        }

        return await runner.ComputeSeriesAsync(framework, from, to, flags.Time, definitionOverride: ReferenceEquals(definition, framework.Definition) ? null : definition,
            imputePanel: flags.ImputePanel, ct: cancellationToken);
    }

    /// <summary>
    /// One line per indicator: where its values come from and which periods they refer to, so a reader of the output
    /// sees at once which values are older than the period asked for, which are missing and why, and which usable values
    /// carry a caveat (for example a value the publisher gives for Hackney and the City of London combined).
    /// </summary>
    public static void WriteProvenance(FrameworkRun run, TextWriter output)
    {
        output.WriteLine($"{run.Framework.Id} at {run.Period}: {run.Result.AreaCodes.Length} areas");
        foreach (var (code, values) in run.Values)
        {
            var meta = run.Metadata[code];
            var periods = values.Where(v => v.Period is not null).GroupBy(v => v.Period!.Value.ToString())
                .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} ×{g.Count()}");
            var missing = values.Count(v => v.Value is null);
            var noted = values.Where(v => v.Value is not null && v.Reason is not null).ToList();
            output.WriteLine($"  {code}: {meta.Publisher}, {meta.Dataset} [{meta.Id}]; periods used: {string.Join(", ", periods)}"
                + (missing > 0 ? $"; missing {missing} ({string.Join("; ", values.Where(v => v.Value is null).Select(v => v.Reason).Distinct().Take(2))})" : "")
                + (noted.Count > 0 ? $"; noted {noted.Count} ({string.Join("; ", noted.Select(v => $"{v.AreaCode}: {v.Reason}").Distinct().Take(2))})" : ""));
        }
    }

    /// <summary>
    /// The result as JSON plus, per indicator, its provenance and every raw value with its period, status, reason (or
    /// caveat, such as a value published for a combined area) and the publisher's 95% interval when there is one.
    /// </summary>
    public static void WriteJson(FrameworkRun run, TextWriter writer)
    {
        using var buffer = new StringWriter();
        IndexResultJson.Write(run.Result, buffer);
        var json = Newtonsoft.Json.Linq.JObject.Parse(buffer.ToString());
        json["period"] = run.Period.ToString();
        json["computedAt"] = run.ComputedAt.ToString();
        json["indicators"] = new Newtonsoft.Json.Linq.JObject(run.Values.Select(kv => new Newtonsoft.Json.Linq.JProperty(kv.Key, new Newtonsoft.Json.Linq.JObject
        {
            ["provider"] = run.Metadata[kv.Key].Id,
            ["publisher"] = run.Metadata[kv.Key].Publisher,
            ["dataset"] = run.Metadata[kv.Key].Dataset,
            ["url"] = run.Metadata[kv.Key].Url.ToString(),
            ["licence"] = run.Metadata[kv.Key].Licence,
            ["unit"] = run.Metadata[kv.Key].Unit,
            ["values"] = new Newtonsoft.Json.Linq.JArray(kv.Value.Select(v => new Newtonsoft.Json.Linq.JObject
            {
                ["area"] = v.AreaCode,
                ["value"] = v.Value,
                ["period"] = v.Period?.ToString(),
                ["status"] = v.Status.ToString(),
                ["reason"] = v.Reason,
                ["lower95"] = v.Interval?.Lower,
                ["upper95"] = v.Interval?.Upper,
            })),
        })));
        writer.Write(json.ToString());
    }
}
