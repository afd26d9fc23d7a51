using System.CommandLine;
using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using WellbeingIndex.Publication;

namespace WellbeingIndex.Cli;

/// <summary>
/// <c>wellbeing runs latest --framework london --tables "&lt;connection string&gt;"</c>: the run the framework's latest
/// pointer names, as dashboards see it: a summary (run facts, then areas by index rank), or <c>--format csv</c> (one
/// row per area, five columns per node, as the API serves it) or <c>--format json</c>.
/// </summary>
internal static class RunsCommand
{
    private static readonly string[] Formats = ["summary", "csv", "json"];

    public static Command Create(TextWriter output)
    {
        var tables = new TablesOptions();
        var format = new Option<string>("--format") { Description = "summary (default), csv or json.", DefaultValueFactory = _ => "summary" };
        format.AcceptOnlyFromAmong(Formats);
        var latest = new Command("latest", "Print the latest published run of a framework.") { format };
        foreach (var option in tables.All)
        {
            latest.Add(option);
        }

        latest.SetAction(async (parse, cancellationToken) =>
        {
            var framework = tables.GetFramework(parse);
            var store = tables.GetStore(parse);
            var run = await store.GetLatestRunAsync(framework.Id, cancellationToken)
                ?? throw new KeyNotFoundException($"nothing has been published for '{framework.Id}' in these tables yet (wellbeing publish --framework {framework.Id} ...).");
            var areas = await store.GetAreaScoresAsync(run.FrameworkId, run.RunId, cancellationToken);
            switch (parse.GetValue(format))
            {
                case "csv":
                    if (areas.Count > 0)
                    {
                        RunCsv.Write(output, RunCsv.Header(areas[0].Scores, "area_code", "area_name"),
                            areas.Select(a => (IReadOnlyList<object?>)[a.AreaCode, a.AreaName, .. RunCsv.Cells(a.Scores)]));
                    }

                    break;
                case "json":
                    await output.WriteLineAsync(ToJson(run, areas).ToString(Formatting.Indented));
                    break;
                default:
                    WriteSummary(output, run, areas);
                    break;
            }

            return CommandLine.Ok;
        });
        return new Command("runs", "Published runs in Azure Table Storage.") { latest };
    }

    /// <summary>The run and its areas' scores, camel-cased, missing values null.</summary>
    private static JObject ToJson(PublishedRun run, IReadOnlyList<AreaScoreRow> areas) => new()
    {
        ["run"] = new JObject
        {
            ["frameworkId"] = run.FrameworkId,
            ["runId"] = run.RunId,
            ["period"] = run.Period.ToString(),
            ["computedAt"] = run.ComputedAt.ToString(),
            ["publishedAt"] = run.PublishedAt.ToString(),
            ["areaCount"] = run.AreaCount,
            ["indicatorCount"] = run.IndicatorCount,
        },
        ["areas"] = new JArray(areas.Select(a => new JObject
        {
            ["areaCode"] = a.AreaCode,
            ["areaName"] = a.AreaName,
            ["scores"] = new JArray(a.Scores.Select(s => new JObject
            {
                ["nodeCode"] = s.NodeCode,
                ["score"] = s.Score,
                ["rank"] = s.Rank,
                ["decile"] = s.Decile,
                ["quintile"] = s.Quintile,
                ["coverage"] = s.Coverage,
            })),
        })),
    };

    private static void WriteSummary(TextWriter output, PublishedRun run, IReadOnlyList<AreaScoreRow> areas)
    {
        output.WriteLine($"{run.FrameworkId} run {run.RunId}: period {run.Period}, {run.AreaCount} areas, {run.IndicatorCount} indicators");
        output.WriteLine($"computed {run.ComputedAt}, published {run.PublishedAt}");
        if (areas.Count == 0)
        {
            return;
        }

        var index = areas[0].Scores[0].NodeCode;
        output.WriteLine($"rank  {index,-10} area");
        foreach (var area in areas.OrderBy(a => a.Scores[0].Rank ?? int.MaxValue).ThenBy(a => a.AreaCode, StringComparer.Ordinal))
        {
            var score = area.Scores[0];
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(score.Rank?.ToString(CultureInfo.InvariantCulture) ?? "-"),4}  {(score.Score is { } s ? s.ToString("0.00", CultureInfo.InvariantCulture) : "missing"),-10} {area.AreaCode} {area.AreaName}"));
        }
    }
}
