using System.Globalization;
using WellbeingIndex.Api.Http;

namespace WellbeingIndex.Api.Work;

/// <summary>
/// The cost of a request in cells (runs × areas × nodes) and its check against a budget: a request above it is refused
/// with a 400 problem naming the field that made it large, saying how far to reduce it or where to go instead.
/// </summary>
public static class WorkBudget
{
    /// <summary>runs × areas × nodes, saturating instead of overflowing.</summary>
    public static long Cells(long runs, long areas, long nodes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(runs);
        ArgumentOutOfRangeException.ThrowIfNegative(areas);
        ArgumentOutOfRangeException.ThrowIfNegative(nodes);
        var perRun = areas * nodes; // both below 2^31: no overflow
        return runs != 0 && perRun > long.MaxValue / runs ? long.MaxValue : runs * perRun;
    }

    /// <summary>
    /// Throws a 400 problem naming <paramref name="field"/> when <paramref name="runs"/> runs of
    /// <paramref name="areas"/> × <paramref name="nodes"/> cost more than <paramref name="budget"/>.
    /// </summary>
    /// <param name="runs">Runs of the recipe (1 for a plain computation, periods for a series).</param>
    /// <param name="areas">Areas computed.</param>
    /// <param name="nodes">Nodes of the definition.</param>
    /// <param name="budget">The most cells allowed.</param>
    /// <param name="field">The request field that sets the runs (<c>uncertainty.runs</c>, <c>runs</c>, <c>to</c>).</param>
    /// <param name="setting">The setting that holds the budget, named so an operator knows what to raise.</param>
    /// <param name="instead">What the client can do instead, one sentence.</param>
    public static void Check(long runs, int areas, int nodes, long budget, string field, string setting, string instead)
    {
        ArgumentNullException.ThrowIfNull(field);
        var cells = Cells(runs, areas, nodes);
        if (cells <= budget)
        {
            return;
        }

        var most = budget / Math.Max(1L, (long)areas * nodes);
        var message = string.Create(CultureInfo.InvariantCulture,
            $"asks for {runs:N0} runs × {areas:N0} areas × {nodes:N0} nodes = {cells:N0} cells of work, above the limit of {budget:N0} ({setting}); " +
            $"at most {most:N0} runs fit for these areas. {instead}");
        throw ApiProblem.Field(field, message).ToException();
    }
}
