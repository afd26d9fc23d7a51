using WellbeingIndex.Engine.Uncertainty;

namespace WellbeingIndex.Engine.Tests.Uncertainty;

/// <summary>COINr's Sobol estimators on test functions whose indices are known analytically.</summary>
public class SobolEstimatorTests
{
    private static double[] Outputs(int n, int d, Func<double[], double> f, int seed = 7) =>
        SobolEstimator.Design(n, d, new Random(seed)).Select(f).ToArray();

    [Fact]
    public void Linear_model_indices_are_the_squared_coefficients_shares()
    {
        // y = x1 + 2·x2 + 3·x3, x uniform on [0, 1): V_i = a_i²/12, V = 14/12, so S_i = ST_i = a_i²/14 = 1/14, 4/14, 9/14.
        const int n = 20_000;
        var y = Outputs(n, 3, x => x[0] + 2 * x[1] + 3 * x[2]);
        var indices = SobolEstimator.Estimate(y, n, ["x1", "x2", "x3"], bootstrap: 200);

        double[] expected = [1.0 / 14, 4.0 / 14, 9.0 / 14];
        for (var i = 0; i < 3; i++)
        {
            Assert.InRange(indices[i].First, expected[i] - 0.03, expected[i] + 0.03);
            Assert.InRange(indices[i].Total, expected[i] - 0.03, expected[i] + 0.03);
            Assert.True(indices[i].FirstP05 <= indices[i].First && indices[i].First <= indices[i].FirstP95);
        }
    }

    [Fact]
    public void Ishigami_function_matches_its_analytic_indices()
    {
        // f = sin x1 + a·sin² x2 + b·x3⁴·sin x1, x_i uniform on [−π, π], a = 7, b = 0.1 (Ishigami & Homma 1990):
        // V1 = ½(1 + bπ⁴/5)², V2 = a²/8, V13 = b²π⁸(1/18 − 1/50), V = V1 + V2 + V13.
        const double a = 7, b = 0.1;
        var v1 = 0.5 * Math.Pow(1 + b * Math.Pow(Math.PI, 4) / 5, 2);
        var v2 = a * a / 8;
        var v13 = b * b * Math.Pow(Math.PI, 8) * (1.0 / 18 - 1.0 / 50);
        var v = v1 + v2 + v13;
        double[] first = [v1 / v, v2 / v, 0];                       // 0.3139, 0.4424, 0
        double[] total = [(v1 + v13) / v, v2 / v, v13 / v];         // 0.5576, 0.4424, 0.2437
        Assert.Equal(0.3139, first[0], 4);
        Assert.Equal(0.2437, total[2], 4);

        const int n = 50_000;
        var y = Outputs(n, 3, x =>
        {
            double x1 = -Math.PI + 2 * Math.PI * x[0], x2 = -Math.PI + 2 * Math.PI * x[1], x3 = -Math.PI + 2 * Math.PI * x[2];
            return Math.Sin(x1) + a * Math.Pow(Math.Sin(x2), 2) + b * Math.Pow(x3, 4) * Math.Sin(x1);
        });
        var indices = SobolEstimator.Estimate(y, n, ["x1", "x2", "x3"], bootstrap: 100);
        for (var i = 0; i < 3; i++)
        {
            Assert.InRange(indices[i].First, first[i] - 0.04, first[i] + 0.04);
            Assert.InRange(indices[i].Total, total[i] - 0.04, total[i] + 0.04);
        }
    }

    [Fact]
    public void The_design_is_A_then_B_then_A_with_one_column_from_B()
    {
        var rows = SobolEstimator.Design(3, 2, new Random(1));
        Assert.Equal(3 * (2 + 2), rows.Length);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal([rows[3 + i][0], rows[i][1]], rows[6 + i]);   // A_B^1: column 1 from B
            Assert.Equal([rows[i][0], rows[3 + i][1]], rows[9 + i]);   // A_B^2: column 2 from B
        }
    }

    [Fact]
    public void A_wrong_number_of_outputs_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => SobolEstimator.Estimate(new double[10], 3, ["x1", "x2"]));
        Assert.Contains("N·(d + 2)", e.Message);
    }
}

public class RankStoreTests
{
    [Fact]
    public void Selection_quantiles_equal_sorted_type_7_quantiles()
    {
        var random = new Random(3);
        for (var trial = 0; trial < 200; trial++)
        {
            var values = Enumerable.Range(0, 1 + random.Next(trial < 25 ? 8 : 300)).Select(_ => random.Next(1, 60)).ToArray();
            var sorted = values.Select(v => (double)v).Order().ToArray();
            foreach (var p in new[] { 0.05, 0.5, 0.95 })
            {
                Assert.Equal(UncertaintyAnalysis.Quantile(sorted, p), RankStore.Quantile((int[])values.Clone(), p), 9);
            }

            // The three at once, from selections that share the work, are the same numbers exactly.
            var (p05, median, p95) = RankStore.Quantiles((int[])values.Clone());
            Assert.Equal(UncertaintyAnalysis.Quantile(sorted, 0.05), p05);
            Assert.Equal(UncertaintyAnalysis.Quantile(sorted, 0.5), median);
            Assert.Equal(UncertaintyAnalysis.Quantile(sorted, 0.95), p95);
            // And from the radix-sorted ranks, here spread over both bytes (up to 65,535).
            var wide = values.Select(v => v * 1110).ToArray();
            var wideSorted = wide.Select(v => (double)v).Order().ToArray();
            Assert.Equal((UncertaintyAnalysis.Quantile(wideSorted, 0.05), UncertaintyAnalysis.Quantile(wideSorted, 0.5), UncertaintyAnalysis.Quantile(wideSorted, 0.95)),
                RankStore.SortedQuantiles(wide, new int[wide.Length]));
        }
    }
}
