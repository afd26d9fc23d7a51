using WellbeingIndex.Engine.Definition;

namespace WellbeingIndex.Engine.Results;

/// <summary>
/// One node's score for every area, with rank (1 = best), decile and quintile (1 = best tenth/fifth) and, for
/// aggregates, the share of children present. Ranks are computed on first use: a run of 40 indicators rarely needs all;
/// so are an indicator's normalised scores and an aggregate's coverage, which the build does not keep.
/// </summary>
public sealed class NodeScores
{
    private readonly Lazy<double[]> _scores;
    private readonly Lazy<double[]>? _coverage;
    private readonly Lazy<int[]> _ranks;
    private readonly Lazy<byte[]> _deciles;
    private readonly Lazy<byte[]> _quintiles;

    internal NodeScores(NodeDefinition node, int level, double[] scores, double[]? coverage)
        : this(node, level, new Lazy<double[]>(scores), coverage is null ? null : new Lazy<double[]>(coverage))
    {
    }

    internal NodeScores(NodeDefinition node, int level, Lazy<double[]> scores, Lazy<double[]>? coverage)
    {
        Node = node;
        Level = level;
        _scores = scores;
        _coverage = coverage;
        _ranks = new Lazy<int[]>(() => Ranking.RankDescending(_scores.Value));
        _deciles = new Lazy<byte[]>(() => Ranking.Bands(_ranks.Value, 10));
        _quintiles = new Lazy<byte[]>(() => Ranking.Bands(_ranks.Value, 5));
    }

    private NodeScores(NodeDefinition node, NodeScores same)
    {
        Node = node;
        Level = same.Level;
        _scores = same._scores;
        _coverage = same._coverage;
        _ranks = same._ranks;
        _deciles = same._deciles;
        _quintiles = same._quintiles;
    }

    public NodeDefinition Node { get; }

    /// <summary>These scores under <paramref name="node"/> (a variant of <see cref="Node"/> whose scores are the same), sharing what is computed.</summary>
    internal NodeScores For(NodeDefinition node) => ReferenceEquals(node, Node) ? this : new NodeScores(node, this);

    public string Code => Node.Code;

    public int Level { get; }

    /// <summary>Score per area (NaN = missing).</summary>
    public ReadOnlySpan<double> Scores => _scores.Value;

    internal double[] ScoreArray => _scores.Value;

    /// <summary>Rank per area, 1 = best; 0 when the score is missing.</summary>
    public ReadOnlySpan<int> Ranks => _ranks.Value;

    public ReadOnlySpan<byte> Deciles => _deciles.Value;

    public ReadOnlySpan<byte> Quintiles => _quintiles.Value;

    /// <summary>Share (0–1) of this aggregate's children present per area; empty for indicators.</summary>
    public ReadOnlySpan<double> Coverage => _coverage is null ? default : _coverage.Value;

    public bool HasCoverage => _coverage is not null;
}
