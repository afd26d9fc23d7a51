namespace WellbeingIndex.Engine.Methods.Aggregation;

/// <summary>
/// Copeland scores, as COINr <c>a_copeland</c> / <c>outrankMatrix</c>: for every pair of areas a and b, a outranks b
/// when the weights of the children where a is higher, plus half those where they tie, exceed one half. An area
/// scores +1 per area it outranks and −1 per area that outranks it (0 for a draw), so the score lies in [−(n−1), n−1].
/// Comparing W(a &gt; b) with W(a &lt; b) is the same test without rounding trouble at exactly one half.
/// COINr reads missing children asymmetrically (the second area of a pair takes the missing weight); here a pair is
/// compared on the children both areas have, which equals COINr on complete data and does not depend on row order.
/// An area with no child present gets NaN and is left out of every comparison.
/// Cost: every pair of areas on every child, O(n²·k) time and no extra memory — about 5.7·10⁸ pairs for England's
/// 33,755 LSOAs, so prefer it for boroughs and local authorities.
/// </summary>
public sealed class CopelandAggregator : IAggregator
{
    private static readonly ParameterSchema Schema = new();

    public string Name => "copeland";

    public string Description => "Copeland: y_a = Σ_b sign(Σ wᵢ[x_a,i > x_b,i] − Σ wᵢ[x_a,i < x_b,i]) over pairs of areas, on children both have.";

    public IEnumerable<ParameterProblem> Validate(MethodSpec spec) => Schema.Validate(spec);

    public void Aggregate(AggregationInput input, Span<double> output)
    {
        ArgumentNullException.ThrowIfNull(input);
        Schema.ThrowIfInvalid(input.Spec, Name, input.Context.IndicatorCode);
        WeightedPowerMean.CheckWeights(input, Name);
        var n = input.AreaCount;
        var children = input.Children;
        var weights = input.Weights;
        for (var a = 0; a < n; a++)
        {
            output[a] = AnyPresent(children, a) ? 0 : double.NaN;
        }

        for (var a = 0; a < n; a++)
        {
            if (double.IsNaN(output[a])) continue;
            for (var b = a + 1; b < n; b++)
            {
                if (double.IsNaN(output[b])) continue;
                var balance = 0.0;
                for (var k = 0; k < children.Count; k++)
                {
                    double xa = children[k][a], xb = children[k][b];
                    if (xa > xb) balance += weights[k];
                    else if (xa < xb) balance -= weights[k];
                }

                var s = Math.Sign(balance);
                output[a] += s;
                output[b] -= s;
            }
        }
    }

    private static bool AnyPresent(IReadOnlyList<double[]> children, int row)
    {
        foreach (var c in children)
        {
            if (!double.IsNaN(c[row])) return true;
        }

        return false;
    }
}
