using WellbeingIndex.Engine.Definition;

namespace WellbeingIndex.Engine.Results;

/// <summary>
/// One node's score for every area, with rank (1 = best), decile and quintile (1 = best tenth/fifth) and, for
/// aggregates, the share of children present. Ranks are computed on first use: a run of 40 indicators rarely needs all.
/// </summary>
public sealed class NodeScores
{
    private readonly double[] _scores;
    private readonly double[]? _coverage;
    private readonly Lazy<int[]> _ranks;
    private readonly Lazy<byte[]> _deciles;
    private readonly Lazy<byte[]> _quintiles;

    internal NodeScores(NodeDefinition node, int level, double[] scores, double[]? coverage)
    {
        Node = node;
        Level = level;
        _scores = scores;
        _coverage = coverage;
        _ranks = new Lazy<int[]>(() => Ranking.RankDescending(_scores));
        _deciles = new Lazy<byte[]>(() => Ranking.Bands(_ranks.Value, 10));
        _quintiles = new Lazy<byte[]>(() => Ranking.Bands(_ranks.Value, 5));
    }

    public NodeDefinition Node { get; }

    public string Code => Node.Code;

    public int Level { get; }

    /// <summary>Score per area (NaN = missing).</summary>
    public ReadOnlySpan<double> Scores => _scores;

    internal double[] ScoreArray => _scores;

    /// <summary>Rank per area, 1 = best; 0 when the score is missing.</summary>
    public ReadOnlySpan<int> Ranks => _ranks.Value;

    public ReadOnlySpan<byte> Deciles => _deciles.Value;

    public ReadOnlySpan<byte> Quintiles => _quintiles.Value;

    /// <summary>Share (0–1) of this aggregate's children present per area; empty for indicators.</summary>
    public ReadOnlySpan<double> Coverage => _coverage;

    public bool HasCoverage => _coverage is not null;
}
