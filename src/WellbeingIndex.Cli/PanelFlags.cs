using System.CommandLine;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Panel;
using WellbeingIndex.Engine.Results;

namespace WellbeingIndex.Cli;

/// <summary>
/// The over-time flags shared by <c>compute</c> and <c>trends</c>: <c>--time per-period|pooled|base=PERIOD</c>,
/// <c>--base-weights COLUMN</c>, <c>--impute-panel latest|constant|linear|linear-constant</c> with
/// <c>--impute-panel-param max_time=N</c>, <c>--table</c>, and a framework's span <c>--from</c>/<c>--to</c>.
/// </summary>
internal sealed class PanelFlags
{
    /// <summary>The data sets <c>--table</c> may name (COINr's get_dset); those a recipe did not make are reported as absent.</summary>
    public static readonly IReadOnlyList<string> TableNames = ["raw", "denominated", "imputed", "screened", "treated", "normalised", "aggregated"];

    public Option<string?> Time { get; } = new("--time") { Description = "Comparable over time: per-period, pooled or base=PERIOD (panel data: iData with a Time column, every period of --tidy, or a framework's --from/--to)." };
    public Option<string?> BaseWeights { get; } = new("--base-weights") { Description = "With --time base=PERIOD: data column (e.g. Population) weighting the base period's mean and sd." };
    public Option<string?> ImputePanel { get; } = new("--impute-panel") { Description = "Impute each area over time before the other steps: " + string.Join("|", PanelImputation.Methods) + "." };
    public Option<string[]> ImputePanelParams { get; } = new("--impute-panel-param") { Description = "Panel imputation parameter NAME=VALUE: max_time=N (latest only).", AllowMultipleArgumentsPerToken = true, Arity = ArgumentArity.ZeroOrMore };
    public Option<string?> Table { get; } = new("--table") { Description = "Data set the CSV holds: " + string.Join("|", TableNames) + " (default: scores with ranks)." };
    public Option<string?> From { get; } = new("--from") { Description = "First period of a span (framework series; trends)." };
    public Option<string?> To { get; } = new("--to") { Description = "Last period of a span (framework series; trends)." };

    public IEnumerable<Option> All => [Time, BaseWeights, ImputePanel, ImputePanelParams, Table, From, To];

    /// <summary>Reads the flags by name, so any command carrying these options (compute, trends) reads them alike.</summary>
    public static Parsed Read(ParseResult parse)
    {
        TimeDefinition? time = null;
        if (parse.GetValue<string?>("--time") is { } t)
        {
            try
            {
                time = TimeDefinition.ParseFlag(t);
            }
            catch (FormatException e)
            {
                throw new UsageException(e.Message);
            }
        }

        if (parse.GetValue<string?>("--base-weights") is { } w)
        {
            time = time is { Mode: TimeMode.BasePeriod } ? time with { BaseWeights = w } : throw new UsageException("--base-weights needs --time base=PERIOD.");
        }

        var impute = RecipeOptions.Flag(parse.GetValue<string?>("--impute-panel"), parse.GetValue<string[]?>("--impute-panel-param"), "--impute-panel");
        if (impute is not null && !PanelImputation.Methods.Contains(impute.Method))
        {
            throw new UsageException($"--impute-panel '{impute.Method}' must be one of {string.Join(", ", PanelImputation.Methods)}.");
        }

        var table = parse.GetValue<string?>("--table")?.Trim().ToLowerInvariant();
        if (table is not null && !TableNames.Contains(table))
        {
            throw new UsageException($"--table '{table}' must be one of {string.Join(", ", TableNames)}.");
        }

        return new Parsed(time, impute, table, parse.GetValue<string?>("--from"), parse.GetValue<string?>("--to"));
    }

    /// <summary>The over-time choices as given (null = not given).</summary>
    public sealed record Parsed(TimeDefinition? Time, MethodSpec? ImputePanel, string? Table, string? From, string? To)
    {
        public bool AsksForPanel => Time is not null || ImputePanel is not null || From is not null || To is not null;

        public PanelOptions Options => new(Time, ImputePanel);

        /// <summary>The chosen table's CSV, or the default scores with ranks.</summary>
        public void WriteCsv(PanelResult result, TextWriter writer)
        {
            if (Table is null)
            {
                IndexResultCsv.Write(result, writer);
            }
            else
            {
                ResultTableCsv.Write(result, Table, writer);
            }
        }
    }
}
