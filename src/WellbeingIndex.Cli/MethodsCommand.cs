using System.CommandLine;
using WellbeingIndex.Engine.Methods;

namespace WellbeingIndex.Cli;

/// <summary><c>wellbeing methods</c>: every method a definition or flag may name, by step, with its formula.</summary>
internal static class MethodsCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("methods", "List the imputation, treatment, transform, normalisation and aggregation methods.");
        command.SetAction(_ =>
        {
            foreach (var group in MethodRegistry.Default.All.OrderBy(m => m.Key, StringComparer.Ordinal).GroupBy(m => m.Key.Split(':')[0]))
            {
                output.WriteLine(group.Key);
                foreach (var (_, method) in group)
                {
                    output.WriteLine($"  {method.Name,-12} {method.Description}");
                }
            }

            return CommandLine.Ok;
        });
        return command;
    }
}
