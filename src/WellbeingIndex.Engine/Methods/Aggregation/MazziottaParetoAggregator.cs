namespace WellbeingIndex.Engine.Methods.Aggregation;

/// <summary>
/// The Mazziotta–Pareto index (De Muro, Mazziotta &amp; Pareto 2011, as COINr's <c>a_mpi</c> and Compind's
/// <c>ci_mpi</c>): the mean M of an area's children penalised by their imbalance, MPI = M − S·cv = M(1 − cv²) with
/// S the population standard deviation across the children and cv = S/M. <c>penalty</c> = "pos" (default) suits
/// indices where higher is better; "neg" adds the penalty (M + S·cv) for indices where higher is worse.
/// The children must be standardised as 100 + 10·z (zscore with m = 100, s = 10) for the penalty to mean what the
/// authors intend. Weights generalise M and S to weighted moments; equal weights give the published formula.
/// </summary>
public sealed class MazziottaParetoAggregator : IAggregator
{
    private static readonly ParameterSchema Schema = new(MethodParameter.Text("penalty", allowed: ["pos", "neg"]));

    public string Name => "mpi";

    public string Description => "Mazziotta–Pareto: y = M ∓ S·cv, M = weighted mean, S = population sd across children, cv = S/M; penalty pos (−) or neg (+).";

    public IEnumerable<ParameterProblem> Validate(MethodSpec spec) => Schema.Validate(spec);

    public void Aggregate(AggregationInput input, Span<double> output)
    {
        ArgumentNullException.ThrowIfNull(input);
        Schema.ThrowIfInvalid(input.Spec, Name, input.Context.IndicatorCode);
        WeightedPowerMean.CheckWeights(input, Name);
        var sign = input.Spec.Text("penalty") == "neg" ? 1 : -1;
        var children = input.Children;
        var weights = input.Weights;
        for (var i = 0; i < input.AreaCount; i++)
        {
            double sumW = 0, sum = 0;
            for (var k = 0; k < children.Count; k++)
            {
                var x = children[k][i];
                if (double.IsNaN(x)) continue;
                sumW += weights[k];
                sum += weights[k] * x;
            }

            if (sumW == 0)
            {
                output[i] = double.NaN;
                continue;
            }

            var mean = sum / sumW;
            var ss = 0.0;
            for (var k = 0; k < children.Count; k++)
            {
                var x = children[k][i];
                if (double.IsNaN(x)) continue;
                ss += weights[k] * (x - mean) * (x - mean);
            }

            var variance = ss / sumW;
            if (variance > 0 && mean == 0)
            {
                throw new IndexComputationException(
                    $"mpi for '{input.Context.IndicatorCode}': the mean of area '{input.Context.AreaCodeAt(i)}' is 0, so its coefficient of variation is undefined; standardise as 100 + 10·z.");
            }

            output[i] = variance == 0 ? mean : mean + sign * variance / mean;
        }
    }
}
