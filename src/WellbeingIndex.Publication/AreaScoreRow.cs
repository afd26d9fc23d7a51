using WellbeingIndex.Abstractions;

namespace WellbeingIndex.Publication;

/// <summary>One area's scores in one run: every aggregate node (the index first, then domains in definition order).</summary>
/// <param name="RunId">The run the scores belong to (history rows come from several runs).</param>
/// <param name="Period">The run's period.</param>
/// <param name="AreaCode">GSS code.</param>
/// <param name="AreaName">Display name.</param>
/// <param name="Scores">One entry per aggregate node.</param>
public sealed record AreaScoreRow(string RunId, ReferencePeriod Period, string AreaCode, string AreaName, IReadOnlyList<NodeScore> Scores)
{
    /// <summary>The entry for <paramref name="nodeCode"/>.</summary>
    public NodeScore this[string nodeCode] =>
        Scores.FirstOrDefault(s => s.NodeCode == nodeCode) ?? throw new KeyNotFoundException($"No node '{nodeCode}' in the scores of area '{AreaCode}'.");
}
