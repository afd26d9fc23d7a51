using MathNet.Numerics.LinearAlgebra;
using WellbeingIndex.Engine.Analysis;
using WellbeingIndex.Engine.Data;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Pipeline;
using MathStats = MathNet.Numerics.Statistics;

namespace WellbeingIndex.Engine.Tests.Analysis;

/// <summary>Audit checks against MathNet.Numerics (an independent implementation) and arithmetic written out here.</summary>
public class AuditTests
{
    // Six areas, three indicators in one group; columns chosen with ties (for Spearman) and unequal spreads.
    private static readonly double[] X = [1, 2, 3, 4, 5, 6];
    private static readonly double[] Y = [2, 1, 4, 3, 6, 8];
    private static readonly double[] Z = [10, 30, 20, 20, 50, 40];

    [Fact]
    public void Pearson_and_Spearman_match_MathNet()
    {
        Assert.Equal(MathStats.Correlation.Pearson(X, Y), Correlation.Pearson(X, Y), 12);
        Assert.Equal(MathStats.Correlation.Pearson(Y, Z), Correlation.Pearson(Y, Z), 12);
        Assert.Equal(MathStats.Correlation.Spearman(X, Z), Correlation.Spearman(X, Z), 12);   // Z has a tie: mean ranks
        Assert.Equal(MathStats.Correlation.Spearman(Y, Z), Correlation.Spearman(Y, Z), 12);
    }

    [Fact]
    public void Spearman_from_presorted_rows_equals_MathNet_on_the_complete_pairs()
    {
        double[] a = [3, 1, double.NaN, 4, 4, 9, 2];
        double[] b = [1, 5, 2, double.NaN, 5, 7, 3];
        // Complete pairs: rows 0, 1, 4, 5, 6 → a 3, 1, 4, 9, 2 and b 1, 5, 5, 7, 3.
        var expected = MathStats.Correlation.Spearman([3, 1, 4, 9, 2], [1, 5, 5, 7, 3]);
        Assert.Equal(expected, Correlation.Spearman(a, Correlation.SortedRows(a), b, Correlation.SortedRows(b)), 12);
        Assert.Equal(expected, Correlation.Spearman(a, b), 12);
    }

    [Fact]
    public void Correlations_use_the_pairs_where_both_are_present()
    {
        double[] a = [1, 2, double.NaN, 4, 5, 6];
        // Without area 3: MathNet on the five complete pairs.
        Assert.Equal(MathStats.Correlation.Pearson([1, 2, 4, 5, 6], [2, 1, 3, 6, 8]), Correlation.Pearson(a, Y), 12);
    }

    [Fact]
    public void First_principal_component_matches_MathNet_eigen_decomposition()
    {
        var columns = new[] { X, Y, Z };
        var pc = PrincipalComponent.Of(columns, "test");

        // Oracle: eigenvectors of the correlation matrix (centred and scaled data), largest eigenvalue.
        var corr = Matrix<double>.Build.Dense(3, 3, (i, j) => MathStats.Correlation.Pearson(columns[i], columns[j]));
        var evd = corr.Evd(Symmetricity.Symmetric);
        var top = evd.EigenValues.Select(v => v.Real).Select((v, i) => (v, i)).MaxBy(x => x.v);
        var vector = evd.EigenVectors.Column(top.i);
        var sign = vector.Sum() < 0 ? -1 : 1;
        for (var j = 0; j < 3; j++)
        {
            Assert.Equal(sign * vector[j], pc.Loadings[j], 9);
            Assert.Equal(vector[j] * vector[j], pc.Weights[j], 9);
        }

        Assert.Equal(top.v / 3, pc.VarianceShare, 9);
        Assert.Equal(1, pc.Weights.Sum(), 12);
    }

    [Fact]
    public void Cronbach_alpha_is_k_over_k_minus_1_times_one_minus_item_variance_over_total_variance()
    {
        // Var (n − 1): X 3.5; Y: mean 4, Σd² = 4+9+0+1+4+16 = 34, var 6.8; Z: mean 28.333, var 216.667.
        // Total T = X+Y+Z = 13, 33, 27, 27, 61, 54: mean 35.833, Σd² = 521.36+8.03+78.03+78.03+633.36+330.03 = 1648.83, var 329.767.
        // α = 3/2 · (1 − (3.5 + 6.8 + 216.667)/329.767) = 1.5 · 0.311735 = 0.467603 (COINr's k²·c̄/ΣC is the same number).
        var varX = MathStats.Statistics.Variance(X);
        var varY = MathStats.Statistics.Variance(Y);
        var varZ = MathStats.Statistics.Variance(Z);
        var varT = MathStats.Statistics.Variance(X.Select((x, i) => x + Y[i] + Z[i]));
        var expected = 1.5 * (1 - (varX + varY + varZ) / varT);
        Assert.Equal(0.467603, expected, 5);
        Assert.Equal(expected, AuditResult.CronbachAlpha([X, Y, Z]), 12);
    }

    [Fact]
    public void Effective_weights_multiply_normalised_weights_down_the_tree()
    {
        // pay 2, rent 1 under income; parks under green; income, green equal under index.
        // pay 1/2 · 2/3 = 1/3; rent 1/2 · 1/3 = 1/6; parks 1/2 · 1 = 1/2.
        var weights = AuditResult.EffectiveWeightsOf(Pipeline.Examples.Definition()).ToDictionary(w => w.Code, w => w.Effective);
        Assert.Equal(1.0 / 3, weights["pay"], 12);
        Assert.Equal(1.0 / 6, weights["rent"], 12);
        Assert.Equal(0.5, weights["parks"], 12);
        Assert.Equal(1, weights["index"], 12);
    }

    [Fact]
    public void Statistics_and_COINr_flags_by_hand()
    {
        // 0, 0, 0, 5, NaN, NaN: 4 present of 6 → availability 0.667 (ok, ≥ 0.65); non-zero 1/6 < 0.5 → LOW;
        // unique values {0, 5} = 2/6 < 0.5 → LOW; mean 1.25, median 0, sd √(Σd²/3) = √(18.75/3) = 2.5.
        var s = IndicatorStatistics.Of("raw", "x", [0, 0, 0, 5, double.NaN, double.NaN]);
        Assert.Equal((6, 4, 1, 2), (s.Units, s.Present, s.NonZero, s.Unique));
        Assert.Equal(4.0 / 6, s.Availability, 12);
        Assert.Equal((0.0, 5.0, 1.25, 0.0), (s.Min, s.Max, s.Mean, s.Median));
        Assert.Equal(2.5, s.Sd, 12);
        Assert.Equal(("ok", "LOW", "LOW"), (s.FlagAvailability, s.FlagNonZero, s.FlagUnique));
        // Skewness (type 2) with n = 4: G1 = √4·Σd³/(Σd²)^1.5·√(4·3)/2 = 2·(3·(−1.25)³ + 3.75³)/18.75^1.5·1.732 = 2.0 → not > 2, so ok.
        Assert.Equal(2.0, s.Skewness, 9);
        Assert.Equal("ok", s.FlagSkewKurt);
    }

    [Fact]
    public void Audit_of_a_run_lists_sibling_pairs_and_node_parent_pairs_with_both_methods()
    {
        var result = IndexPipeline.Run(Pipeline.Examples.Definition(), Pipeline.Examples.FourAreas());
        var audit = AuditResult.Of(result);

        // Siblings: (pay, rent), (income, green); node–parent: pay, rent → income; parks → green; income, green → index.
        var pairs = audit.Correlations.Where(c => c.Method == "pearson").Select(c => $"{c.A}-{c.B}").Order().ToArray();
        Assert.Equal(["green-index", "income-green", "income-index", "parks-green", "pay-income", "pay-rent", "rent-income"], pairs);
        Assert.Equal(14, audit.Correlations.Count);
        // parks and green are the same column: r = 1 by both methods.
        Assert.All(audit.Correlations.Where(c => c.A == "parks"), c => Assert.Equal(1, c.R, 12));
        Assert.Equal(["green", "income", "index"], audit.Cronbach.Keys.ToArray());
        Assert.True(double.IsNaN(audit.Cronbach["green"]));   // one child: undefined
        Assert.Equal(["raw"], audit.Statistics.Select(s => s.Table).Distinct().ToArray());
    }

    [Fact]
    public void Audit_csv_files_have_the_documented_columns()
    {
        using var files = new TempFiles();
        var result = IndexPipeline.Run(Pipeline.Examples.Definition(), Pipeline.Examples.FourAreas());
        var paths = AuditCsv.Write(AuditResult.Of(result), files.Folder);

        Assert.Equal("a,b,method,r", File.ReadLines(paths[1]).First());
        Assert.Equal("node,alpha", File.ReadLines(paths[2]).First());
        Assert.Equal("group,iCode,loading,variance_share,weight", File.ReadLines(paths[3]).First());
        Assert.StartsWith("table,iCode,n,present,availability,min,max,mean,median,sd,skewness,kurtosis", File.ReadLines(paths[0]).First(), StringComparison.Ordinal);
        Assert.DoesNotContain(paths.SelectMany(File.ReadLines), l => l.Contains("NaN", StringComparison.Ordinal) || l.Contains("Infinity", StringComparison.Ordinal));
    }
}
