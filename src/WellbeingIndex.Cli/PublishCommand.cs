using System.CommandLine;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Publication;

namespace WellbeingIndex.Cli;

/// <summary>
/// <c>wellbeing publish --framework london [--period P] --tables "&lt;connection string&gt;"</c>: computes a built-in
/// framework and publishes the run to Table Storage the way the function app's timer does (rows first, the latest
/// pointer last), so dashboards can be fed from a laptop or a pipeline.
/// </summary>
internal static class PublishCommand
{
    public static Command Create(TextWriter output)
    {
        var tables = new TablesOptions();
        var period = new Option<string?>("--period") { Description = "Period to publish, e.g. 2022 or 2021/22 (default: the framework's latest)." };
        var dataDir = new Option<DirectoryInfo?>("--data-dir") { Description = "Folder of published data files (default: WELLBEING_DATA_DIR, else ../shared/data)." };
        var plugins = new Option<DirectoryInfo?>("--plugins") { Description = "Folder of plug-in assemblies with more indicator providers." };
        var command = new Command("publish", "Compute a built-in framework and publish the run (and, without --period, its comparable series) to Azure Table Storage.") { period, dataDir, plugins };
        foreach (var option in tables.All)
        {
            command.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var framework = tables.GetFramework(parse);
            var at = parse.GetValue(period) is { } text ? ReferencePeriod.Parse(text) : (ReferencePeriod?)null;
            var store = tables.GetStore(parse);
            var publisher = new IndexPublisher(FrameworkCompute.Runner(parse.GetValue(dataDir), parse.GetValue(plugins)), store,
                data: FrameworkCompute.Context(parse.GetValue(dataDir)));
            var run = await publisher.PublishAsync(framework, at, cancellationToken);
            await output.WriteLineAsync(
                $"published {run.FrameworkId} {run.Period} as run {run.RunId}: {run.AreaCount} areas, {run.IndicatorCount} indicators, published at {run.PublishedAt}");
            if (at is null && await publisher.PublishSeriesAsync(framework, cancellationToken) is { } series)
            {
                await output.WriteLineAsync(
                    $"published {series.FrameworkId} series {series.From}–{series.To} ({series.TimeMode}{(series.Base is null ? "" : $", base {series.Base}")}) as {series.SeriesId}: {series.AreaCount} areas × {series.Periods.Count} periods");
            }

            return CommandLine.Ok;
        });
        return command;
    }
}
