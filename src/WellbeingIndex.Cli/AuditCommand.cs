using System.CommandLine;
using WellbeingIndex.Engine.Analysis;

namespace WellbeingIndex.Cli;

/// <summary>
/// <c>wellbeing audit</c>: the coherence checks of an index (COINr's get_stats, get_corr, get_cronbach, get_PCA,
/// get_eff_weights) as CSV files and plots in one folder.
/// </summary>
internal static class AuditCommand
{
    public static Command Create(TextWriter output)
    {
        var outDir = new Option<DirectoryInfo>("--out") { Description = "Folder for stats.csv, correlations.csv, cronbach.csv, pca.csv, effective_weights.csv and the plots.", Required = true };
        var recipe = new RecipeOptions();
        var command = new Command("audit", "Audit an index: indicator statistics, correlations, Cronbach's alpha, PCA, effective weights.") { outDir };
        recipe.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (result, _) = await recipe.LoadAsync(parse, cancellationToken);
            var audit = AuditResult.Of(result, cancellationToken);
            var folder = parse.GetValue(outDir)!.FullName;
            var files = AuditCsv.Write(audit, folder).Select(Path.GetFileName).ToList();
            files.AddRange(Plots.WriteAudit(result, audit, folder));
            await output.WriteLineAsync($"{result.Definition.Id}: audit of {result.AreaCodes.Length} areas, {result.Definition.Indicators.Length} indicators -> {folder}: {string.Join(", ", files)}");
            return CommandLine.Ok;
        });
        return command;
    }
}
