using System.CommandLine;
using System.Globalization;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Engine.Inequality;
using WellbeingIndex.Providers;
using WellbeingIndex.Publication;

namespace WellbeingIndex.Cli;

/// <summary>
/// <c>wellbeing inequality</c>: a small-area framework's node rolled up to districts, regions or England
/// (population-weighted), with the inequality within each place and the IoD summary measures, as CSV.
/// </summary>
internal static class InequalityCommand
{
    public static Command Create(TextWriter output)
    {
        var framework = new Option<string>("--framework") { Description = "A small-area framework (areas are 2021 LSOAs): england-lsoa or imd2025.", Required = true };
        var node = new Option<string?>("--node") { Description = "The node to summarise: any indicator, domain or the index (default: the index)." };
        var by = new Option<string>("--by") { Description = "Places: la (districts, 2024 codes), region or england.", DefaultValueFactory = _ => "la" };
        var period = new Option<string?>("--period") { Description = "Period to compute, e.g. 2025 (default: the framework's latest)." };
        var threshold = new Option<double?>("--threshold") { Description = "Report the share of people in LSOAs scoring below this value." };
        var higherIsWorse = new Option<bool>("--higher-is-worse") { Description = "Read high scores as deprived for the IoD measures (default: the framework definition's higherIsWorse, true for imd2025; --higher-is-worse false overrides it)." };
        var dataDir = new Option<DirectoryInfo?>("--data-dir") { Description = "Folder of published data files (default: WELLBEING_DATA_DIR, else ../shared/data)." };
        var plugins = new Option<DirectoryInfo?>("--plugins") { Description = "Folder of plug-in assemblies with more indicator providers." };
        var outFile = new Option<FileInfo?>("--out") { Description = "Output CSV file (default: standard output)." };

        var command = new Command("inequality", "Roll a small-area framework up to places and measure inequality within each.")
        {
            framework, node, by, period, threshold, higherIsWorse, dataDir, plugins, outFile,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!PlaceLevels.TryParse(parse.GetValue(by), out var level))
            {
                throw new UsageException($"--by '{parse.GetValue(by)}' must be la, region or england.");
            }

            if (parse.GetValue(threshold) is { } t && !double.IsFinite(t))
            {
                throw new UsageException("--threshold must be a finite number.");
            }

            var dir = parse.GetValue(dataDir);
            var context = FrameworkCompute.Context(dir);
            var run = await FrameworkCompute.RunAsync(parse.GetValue(framework)!, parse.GetValue(period), dir, parse.GetValue(plugins), new RecipeFlags(null, null, null, null, null), cancellationToken);
            var code = parse.GetValue(node) ?? run.Result.Definition.Root.Code;
            var worse = parse.GetResult(higherIsWorse) is { Implicit: false } ? parse.GetValue(higherIsWorse) : run.Result.Definition.HigherIsWorse;
            var rollup = PlaceRollup.Compute(run, code, level, context, worse, parse.GetValue(threshold));

            var target = parse.GetValue(outFile);
            if (target is null)
            {
                PlaceSummaryCsv.Write(rollup.Places, rollup.Names, output);
                return CommandLine.Ok;
            }

            await using (var writer = OutputFile.Create(target))
            {
                PlaceSummaryCsv.Write(rollup.Places, rollup.Names, writer);
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{run.Framework.Id} at {run.Period}, node {code}: {rollup.Places.Count} places from {run.Result.AreaCodes.Length} LSOAs, weights: {rollup.Weighting} -> {target.FullName}"));
            return CommandLine.Ok;
        });
        return command;
    }
}
