using System.CommandLine;
using NodaTime;
using WellbeingIndex.Indicators;
using WellbeingIndex.Providers;
using WellbeingIndex.Publication;

namespace WellbeingIndex.Cli;

/// <summary>The options <c>publish</c> and <c>runs</c> share: the framework and the Table Storage account.</summary>
internal sealed class TablesOptions
{
    public Option<string> Framework { get; } = new("--framework") { Description = "A built-in framework (for example: london).", Required = true };

    public Option<string> Tables { get; } = new("--tables")
    {
        Description = "Azure Table Storage connection string (an account, or Azurite: UseDevelopmentStorage=true).", Required = true,
    };

    public Option<string> TablePrefix { get; } = new("--table-prefix") { Description = "Prefix of the table names (default Wellbeing).", DefaultValueFactory = _ => "Wellbeing" };

    public IEnumerable<Option> All => [Framework, Tables, TablePrefix];

    /// <summary>The framework named by <c>--framework</c>.</summary>
    /// <exception cref="KeyNotFoundException">No such built-in framework; the message lists the known ones.</exception>
    public Framework GetFramework(ParseResult parse) => FrameworkCatalog.FromAssembly(BuiltInIndicators.Assembly).Get(parse.GetRequiredValue(Framework));

    public TableResultStore GetStore(ParseResult parse) =>
        new(parse.GetRequiredValue(Tables), parse.GetValue(TablePrefix) ?? "Wellbeing", SystemClock.Instance);
}
