using System.CommandLine;
using WellbeingIndex.Engine.Panel;

namespace WellbeingIndex.Cli;

/// <summary>
/// <c>wellbeing trends --idata PANEL.csv --imeta META.csv [recipe flags] --from P --to P</c>: COINr get_trends' CAGR per
/// area and node between the first and latest periods with a value in the span, on the scores of the panel run (or,
/// with <c>--table</c>, on that data set's columns, e.g. raw). Takes compute's input, recipe and over-time options.
/// </summary>
internal static class TrendsCommand
{
    private static readonly string[] SingleRunOnly = ["--out", "--uncertainty", "--weight-noise", "--seed", "--period"];

    public static Command Create(TextWriter output, Command compute)
    {
        var command = new Command("trends", "Compound annual growth (CAGR) per area and node over a span of a panel.");
        foreach (var option in compute.Options.Where(o => !SingleRunOnly.Contains(o.Name)))
        {
            command.Options.Add(option);
        }

        var outFile = new Option<FileInfo?>("--out") { Description = "Output CSV (default: standard output)." };
        command.Options.Add(outFile);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var flags = PanelFlags.Read(parse);
            var span = (From: PanelCompute.Period(flags.From, "--from"), To: PanelCompute.Period(flags.To, "--to"));
            var framework = parse.GetValue<string?>("--framework") is not null;
            var (run, _) = await PanelCompute.RunAsync(parse, RecipeOptions.Read(parse), framework ? flags : flags with { From = null, To = null }, cancellationToken);
            var trends = PanelChanges.Trends(run, span.From, span.To, flags.Table is null or "aggregated" ? null : flags.Table);
            if (parse.GetValue(outFile) is { } file)
            {
                await using (var writer = OutputFile.Create(file))
                {
                    PanelCompute.WriteTrends(trends, writer);
                }

                await output.WriteLineAsync($"{trends.Count} trends ({run.Time}) -> {file.FullName}");
            }
            else
            {
                PanelCompute.WriteTrends(trends, output);
            }

            return CommandLine.Ok;
        });
        return command;
    }
}
