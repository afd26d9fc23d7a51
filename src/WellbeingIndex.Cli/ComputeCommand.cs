using System.CommandLine;
using System.Globalization;
using WellbeingIndex.Engine.Data;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Pipeline;
using WellbeingIndex.Engine.Results;
using WellbeingIndex.Engine.Uncertainty;
using WellbeingIndex.Providers;

namespace WellbeingIndex.Cli;

/// <summary>
/// <c>wellbeing compute</c>: an index from a COINr iData/iMeta pair, a JSON definition with data, or a built-in
/// framework computed from its providers. Recipe flags set the defaults of the steps (a definition's per-node
/// overrides still win), which is how an analyst tries another method without editing a file.
/// </summary>
internal static class ComputeCommand
{
    public static Command Create(TextWriter output)
    {
        var recipe = new RecipeOptions();
        var outFile = new Option<FileInfo?>("--out") { Description = "Output file: .csv (default, also to stdout) or .json." };
        var uncertainty = new Option<int?>("--uncertainty") { Description = "Monte Carlo runs of a sensitivity analysis of the index's ranks (adds RankMedian, RankP05, RankP95)." };
        var weightNoise = new Option<double>("--weight-noise") { Description = "Uncertainty: each weight varies uniformly within ±this share (default 0.25).", DefaultValueFactory = _ => 0.25 };
        var seed = new Option<int>("--seed") { Description = "Uncertainty: random seed, for reproducible runs.", DefaultValueFactory = _ => 20261122 };

        var command = new Command("compute", "Compute a composite index.") { outFile, uncertainty, weightNoise, seed };
        recipe.AddTo(command);
        var panelFlags = new PanelFlags();
        foreach (var option in panelFlags.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var flags = RecipeOptions.Read(parse);
            var overTime = PanelFlags.Read(parse);
            if (overTime.AsksForPanel)
            {
                if (parse.GetValue(uncertainty) is not null || parse.GetValue<string?>("--period") is not null)
                {
                    throw new UsageException("--uncertainty and --period apply to one period; a panel (--time, --impute-panel, --from/--to) is computed over all its periods.");
                }

                var (panel, _) = await PanelCompute.RunAsync(parse, flags, overTime, cancellationToken);
                var to = parse.GetValue(outFile);
                if (to is null)
                {
                    overTime.WriteCsv(panel, output);
                    return CommandLine.Ok;
                }

                await using (var writer = OutputFile.Create(to))
                {
                    if (to.Extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
                    {
                        await writer.WriteAsync(PanelCompute.ToJson(panel).ToString());
                    }
                    else
                    {
                        overTime.WriteCsv(panel, writer);
                    }
                }

                await output.WriteLineAsync($"{panel.Definition.Id}: {panel.Input.AreaCodes.Length} areas × {panel.Periods.Length} periods ({panel.Time}), {panel.Definition.Indicators.Length} indicators -> {to.FullName}");
                return CommandLine.Ok;
            }

            var (result, run) = await recipe.LoadAsync(parse, cancellationToken);

            UncertaintyResult? spread = null;
            if (parse.GetValue(uncertainty) is { } runs)
            {
                spread = UncertaintyAnalysis.Run(result,
                    new UncertaintyOptions { Runs = runs, WeightNoise = parse.GetValue(weightNoise), Seed = parse.GetValue(seed) },
                    cancellationToken: cancellationToken);
            }

            var target = parse.GetValue(outFile);
            if (overTime.Table is { } table)
            {
                if (spread is not null)
                {
                    throw new UsageException("--table writes one data set; --uncertainty adds rank columns to the default output only.");
                }

                if (target is not null && target.Extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
                {
                    throw new UsageException("--table chooses what a CSV holds; JSON output holds every score already.");
                }
            }

            if (target is null)
            {
                if (overTime.Table is { } t)
                {
                    ResultTableCsv.Write(result, t, output);
                }
                else
                {
                    IndexResultCsv.Write(result, output, spread);
                }
            }
            else
            {
                await using var writer = OutputFile.Create(target);
                if (target.Extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
                {
                    if (run is null)
                    {
                        IndexResultJson.Write(result, writer);
                    }
                    else
                    {
                        FrameworkCompute.WriteJson(run, writer);
                    }
                }
                else if (overTime.Table is { } t)
                {
                    ResultTableCsv.Write(result, t, writer);
                }
                else
                {
                    IndexResultCsv.Write(result, writer, spread);
                }

                if (run is not null)
                {
                    FrameworkCompute.WriteProvenance(run, output);
                }

                await output.WriteLineAsync($"{result.Definition.Id}: {result.AreaCodes.Length} areas, {result.Definition.Indicators.Length} indicators -> {target.FullName}");
            }

            return CommandLine.Ok;
        });
        return command;
    }
}
