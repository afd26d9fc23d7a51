using Spectre.Console;

namespace WellbeingIndex.Cli;

/// <summary>
/// A progress bar on standard error for long work, shown only when standard error is a terminal (never in
/// redirected output or tests); the work runs on the thread pool either way.
/// </summary>
internal static class Progress
{
    public static async Task<T> RunAsync<T>(TextWriter error, string label, int total, Func<IProgress<int>?, T> work, CancellationToken cancellationToken)
    {
        if (!ReferenceEquals(error, Console.Error) || Console.IsErrorRedirected)
        {
            return await Task.Run(() => work(null), cancellationToken);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(label, maxValue: total);
                var value = await Task.Run(() => work(new Reporter(task)), cancellationToken);
                task.Value = total;
                return value;
            });
    }

    /// <summary>Sets the bar's value from any thread (Spectre's task value is thread-safe; Progress&lt;T&gt; would post to no context).</summary>
    private sealed class Reporter(ProgressTask task) : IProgress<int>
    {
        public void Report(int value) => task.Value = value;
    }
}
