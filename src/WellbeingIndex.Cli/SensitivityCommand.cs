using System.CommandLine;
using Spectre.Console;
using WellbeingIndex.Engine.Uncertainty;

namespace WellbeingIndex.Cli;

/// <summary>
/// <c>wellbeing sensitivity</c>: how much the ranks depend on the method choices. Each <c>--uncertain</c> adds an
/// input (weights:0.25, aggregate:amean,gmean, normalise:minmax,zscore, impute:none,mean, treat:on,off or a JSON path
/// such as $.steps[1].winmax:3,5); <c>--sobol</c> estimates each input's first-order and total Sobol indices.
/// </summary>
internal static class SensitivityCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var outDir = new Option<DirectoryInfo>("--out") { Description = "Folder for rank_intervals.csv, runs.csv, sobol.csv and the plots.", Required = true };
        var uncertain = new Option<string[]>("--uncertain")
        {
            Description = "An uncertain input KIND:VALUES (repeatable): weights:0.25, aggregate:amean,gmean, normalise:minmax,zscore, impute:none,mean, treat:on,off, $.json.path:v1,v2.",
            Arity = ArgumentArity.OneOrMore,
            Required = true,
        };
        var runs = new Option<int>("--runs") { Description = "Runs (uncertainty analysis) or the Sobol base sample N (N·(d+2) runs for d inputs). Default 500.", DefaultValueFactory = _ => 500 };
        var sobol = new Option<bool>("--sobol") { Description = "Estimate first-order and total Sobol indices of the mean absolute rank shift." };
        var seed = new Option<int>("--seed") { Description = "Random seed, for reproducible runs.", DefaultValueFactory = _ => 20261122 };
        var recipe = new RecipeOptions();
        var command = new Command("sensitivity", "Uncertainty and sensitivity analysis of the index's ranks (COINr get_sensitivity).") { outDir, uncertain, runs, sobol, seed };
        recipe.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (result, _) = await recipe.LoadAsync(parse, cancellationToken);
            var inputs = parse.GetValue(uncertain)!.SelectMany(u => UncertainInput.Parse(u, result.Definition)).ToList();
            var options = new SensitivityOptions { Inputs = inputs, Runs = parse.GetValue(runs), Sobol = parse.GetValue(sobol), Seed = parse.GetValue(seed) };
            var problems = options.Validate();
            if (problems.Count > 0)
            {
                throw new UsageException(string.Join(" ", problems));
            }

            var total = options.Sobol ? options.Runs * (inputs.Count + 2) : options.Runs;
            var analysis = await Progress.RunAsync(error, $"{total} runs", total,
                progress => SensitivityAnalysis.Run(result.Definition, result.Input, options, progress, cancellationToken: cancellationToken), cancellationToken);
            var folder = parse.GetValue(outDir)!.FullName;
            var names = analysis.Areas.Select(a => result.Input.AreaNames[result.Input.IndexOfArea(a.AreaCode)]).ToList();
            var files = SensitivityCsv.Write(analysis, names, folder).Concat(Plots.WriteSensitivity(result.Definition.Id, analysis, names, folder)).ToList();
            await output.WriteLineAsync($"{result.Definition.Id}: {analysis.RunCount} runs over {string.Join(", ", inputs.Select(i => i.Name))} -> {folder}: {string.Join(", ", files)}");
            foreach (var s in analysis.Sobol)
            {
                await output.WriteLineAsync(FormattableString.Invariant($"  {s.Input}: S = {s.First:0.000} [{s.FirstP05:0.000}, {s.FirstP95:0.000}], ST = {s.Total:0.000} [{s.TotalP05:0.000}, {s.TotalP95:0.000}]"));
            }

            return CommandLine.Ok;
        });
        return command;
    }
}
