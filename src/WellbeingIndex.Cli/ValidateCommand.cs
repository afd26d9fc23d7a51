using System.CommandLine;
using WellbeingIndex.Engine.Definition;

namespace WellbeingIndex.Cli;

/// <summary><c>wellbeing validate --definition FILE</c>: checks a definition and lists every problem with its JSON path.</summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter output)
    {
        var definition = new Option<FileInfo>("--definition") { Description = "Index definition (JSON).", Required = true };
        var command = new Command("validate", "Validate an index definition.") { definition };
        command.SetAction(parse =>
        {
            var file = parse.GetRequiredValue(definition);
            var d = IndexDefinitionJson.ReadFile(file.FullName);
            output.WriteLine($"{file.Name}: valid ({d.Indicators.Length} indicators, {d.AggregatesBottomUp.Length} aggregates, {d.Depth} levels).");
            return CommandLine.Ok;
        });
        return command;
    }
}
