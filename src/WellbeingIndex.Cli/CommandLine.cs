using System.CommandLine;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Engine;
using WellbeingIndex.Engine.Data;
using WellbeingIndex.Engine.Definition;

namespace WellbeingIndex.Cli;

/// <summary>The <c>wellbeing</c> command line. Every failure is one line on standard error and a non-zero exit code.</summary>
public static class CommandLine
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var compute = ComputeCommand.Create(output);
        var root = new RootCommand("WellbeingIndex: composite wellbeing-and-sustainability indices for places.")
        {
            compute,
            TrendsCommand.Create(output, compute),
            AuditCommand.Create(output),
            SensitivityCommand.Create(output, error),
            MethodsCommand.Create(output),
            ValidateCommand.Create(output),
            PublishCommand.Create(output),
            RunsCommand.Create(output),
            InequalityCommand.Create(output),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                await error.WriteLineAsync($"error: {e.Message}");
            }

            return Usage;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (Exception e) when (OneLine(e) is { } message)
        {
            await error.WriteLineAsync($"error: {message}");
            return e is UsageException ? Usage : Failed;
        }
    }

    /// <summary>The one line a user sees for an expected failure; null lets anything else crash loudly.</summary>
    private static string? OneLine(Exception e) => e switch
    {
        DefinitionException d => d.Problems.Count == 1
            ? $"invalid definition: {d.Problems[0]}"
            : $"invalid definition ({d.Problems.Count} problems): {string.Join("; ", d.Problems)}",
        InputDataException or IndexComputationException or IndicatorDataException or UsageException => e.Message,
        WellbeingIndex.Providers.ProviderDiscoveryException => e.Message,
        FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException => e.Message,
        KeyNotFoundException or ArgumentException or FormatException => e.Message,
        WellbeingIndex.Publication.Storage.StorageUnavailableException unavailable => unavailable.Message,
        Azure.RequestFailedException storage => $"Table Storage: {storage.Message.Split('\n')[0]}",
        _ => null,
    };
}

/// <summary>The command line was understood but its combination of options is not usable.</summary>
public sealed class UsageException(string message) : Exception(message);
