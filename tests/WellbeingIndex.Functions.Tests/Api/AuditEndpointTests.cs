using System.Net;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using Newtonsoft.Json.Linq;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Results;
using Stats = MathNet.Numerics.Statistics;

namespace WellbeingIndex.Functions.Tests.Api;

/// <summary>
/// <c>POST /api/frameworks/{id}/audit</c>: the tables of <c>wellbeing audit</c> as JSON, checked against values computed
/// here from the London framework file and the direct run's normalised columns with MathNet.Numerics.
/// </summary>
public class AuditEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private async Task<JObject> AuditAsync(string body)
    {
        var response = await factory.CreateClient().PostAsync("/api/frameworks/london/audit", ApiFactory.Json(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.DoesNotContain("NaN", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", text, StringComparison.Ordinal);
        return JObject.Parse(text);
    }

    private static async Task<IndexResult> DirectAsync() => (await DirectRun.ComputeAsync(ReferencePeriod.ForCalendarYear(2022))).Result;

    /// <summary>The rows where every column is present.</summary>
    private static double[][] Complete(IReadOnlyList<double[]> columns)
    {
        var rows = Enumerable.Range(0, columns[0].Length).Where(i => columns.All(c => !double.IsNaN(c[i]))).ToArray();
        return columns.Select(c => rows.Select(r => c[r]).ToArray()).ToArray();
    }

    [Fact]
    public async Task Effective_weights_are_the_file_weights_normalised_within_each_parent_and_multiplied_down()
    {
        var audit = await AuditAsync("""{"period": "2022"}""");
        // From indicators/frameworks/london.json: effective = w / Σ siblings' w, times the parent's effective weight.
        var file = JObject.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "indicators", "frameworks", "london.json")));
        var nodes = file["nodes"]!.ToDictionary(n => n["code"]!.Value<string>()!, n => (Parent: n["parent"]?.Value<string>(), Weight: n["weight"]?.Value<double>() ?? 1));
        double Effective(string code) => nodes[code].Parent is not { } parent
            ? 1
            : nodes[code].Weight / nodes.Values.Where(n => n.Parent == parent).Sum(n => n.Weight) * Effective(parent);
        var weights = (JArray)audit["effectiveWeights"]!;
        Assert.Equal(nodes.Count, weights.Count);
        foreach (var w in weights)
        {
            Assert.Equal(Effective(w["code"]!.Value<string>()!), w["effective"]!.Value<double>(), 12);
        }

        var indicators = nodes.Where(n => !nodes.Values.Any(c => c.Parent == n.Key)).Select(n => n.Key).ToHashSet();
        Assert.Equal(1, weights.Where(w => indicators.Contains(w["code"]!.Value<string>()!)).Sum(w => w["effective"]!.Value<double>()), 12);
    }

    [Fact]
    public async Task Correlations_cronbach_and_pca_of_each_group_equal_mathnet_on_the_normalised_columns()
    {
        var audit = await AuditAsync("""{"period": "2022"}""");
        var result = await DirectAsync();
        var definition = result.Definition;
        double[] Column(string code) => result[code].Scores.ToArray();

        var correlations = (JArray)audit["correlations"]!;
        var pearson = correlations.Where(c => c["method"]!.Value<string>() == "pearson").ToList();
        // Pairs within each group, plus every node with its parent: Σ k(k−1)/2 over the aggregates + (nodes − 1).
        var expectedPairs = definition.AggregatesBottomUp.Sum(g => definition.ChildrenOf(g.Code).Length * (definition.ChildrenOf(g.Code).Length - 1) / 2)
            + definition.Nodes.Length - 1;
        Assert.Equal(expectedPairs, pearson.Count);
        Assert.Equal(expectedPairs, correlations.Count(c => c["method"]!.Value<string>() == "spearman"));
        foreach (var c in correlations)
        {
            var both = Complete([Column(c["a"]!.Value<string>()!), Column(c["b"]!.Value<string>()!)]);
            var expected = c["method"]!.Value<string>() == "pearson"
                ? Stats.Correlation.Pearson(both[0], both[1])
                : Stats.Correlation.Spearman(both[0], both[1]);
            if (double.IsNaN(expected))
            {
                Assert.Equal(JTokenType.Null, c["r"]!.Type);
            }
            else
            {
                Assert.Equal(expected, c["r"]!.Value<double>(), 9);
            }
        }

        var cronbach = ((JArray)audit["cronbach"]!).ToDictionary(c => c["node"]!.Value<string>()!, c => c["alpha"]!.Value<double?>());
        var pca = (JArray)audit["pca"]!;
        var checkedGroups = 0;
        foreach (var group in definition.AggregatesBottomUp)
        {
            var children = definition.ChildrenOf(group.Code).Select(c => Column(c.Code)).ToArray();
            if (children.Length < 2 || children.Any(c => c.Any(double.IsNaN)))
            {
                continue; // complete groups only: there Cronbach's pairwise covariances are the textbook ones
            }

            // α = k/(k − 1) · (1 − Σ var(x_i) / var(Σ x_i)).
            var k = children.Length;
            var total = Enumerable.Range(0, children[0].Length).Select(i => children.Sum(c => c[i])).ToArray();
            var alpha = k / (k - 1.0) * (1 - children.Sum(c => Stats.Statistics.Variance(c)) / Stats.Statistics.Variance(total));
            Assert.Equal(alpha, cronbach[group.Code]!.Value, 9);

            // First principal component of the correlation matrix: the largest eigenvalue's share and its eigenvector,
            // signed so the loadings sum to a positive number; the implied weights are the squared loadings.
            var correlation = Matrix<double>.Build.Dense(k, k, (a, b) => a == b ? 1 : Stats.Correlation.Pearson(children[a], children[b]));
            var evd = correlation.Evd(Symmetricity.Symmetric);
            var lead = evd.EigenValues.Select((v, i) => (v.Real, i)).MaxBy(x => x.Real);
            var vector = evd.EigenVectors.Column(lead.i);
            var rows = pca.Where(p => p["group"]!.Value<string>() == group.Code).ToList();
            if (vector.Sum() < 0 || (Math.Abs(vector.Sum()) < 1e-9 && Math.Sign(vector[0]) != Math.Sign(rows[0]["loading"]!.Value<double>())))
            {
                vector = -vector; // loadings summing to zero (two children correlated negatively) leave the sign free
            }

            Assert.Equal(k, rows.Count);
            for (var c = 0; c < k; c++)
            {
                Assert.Equal(lead.Real / k, rows[c]["varianceShare"]!.Value<double>(), 9);
                Assert.Equal(vector[c], rows[c]["loading"]!.Value<double>(), 9);
                Assert.Equal(vector[c] * vector[c], rows[c]["weight"]!.Value<double>(), 9);
            }

            checkedGroups++;
        }

        Assert.True(checkedGroups >= 2, $"only {checkedGroups} complete groups were checked");
    }

    [Fact]
    public async Task Statistics_describe_the_raw_values_of_each_indicator()
    {
        var audit = await AuditAsync("""{"period": "2022"}""");
        var result = await DirectAsync();
        var raw = result.Table(ResultTable.Raw);
        var stats = ((JArray)audit["statistics"]!).Where(s => s["table"]!.Value<string>() == ResultTable.Raw).ToList();
        Assert.Equal(result.Definition.Indicators.Length, stats.Count);
        foreach (var s in stats)
        {
            var values = raw.Column(s["code"]!.Value<string>()!).ToArray().Where(v => !double.IsNaN(v)).ToArray();
            Assert.Equal(33, s["units"]!.Value<int>());
            Assert.Equal(values.Length, s["present"]!.Value<int>());
            Assert.Equal(values.Length / 33.0, s["availability"]!.Value<double>(), 12);
            Assert.Equal(values.Min(), s["min"]!.Value<double>());
            Assert.Equal(values.Max(), s["max"]!.Value<double>());
            Assert.Equal(values.Average(), s["mean"]!.Value<double>(), 9);
            Assert.Equal(Stats.Statistics.Median(values), s["median"]!.Value<double>(), 9);
            Assert.Equal(Stats.Statistics.StandardDeviation(values), s["sd"]!.Value<double>(), 9);
        }
    }

    [Fact]
    public async Task A_what_if_audit_sees_the_changed_weights()
    {
        var audit = await AuditAsync("""{"period": "2022", "weights": {"decent-home": 3}}""");
        Assert.True(audit["whatIf"]!.Value<bool>());
        var home = ((JArray)audit["effectiveWeights"]!).Single(w => w["code"]!.Value<string>() == "decent-home");
        Assert.Equal(3, home["weight"]!.Value<double>());
        // The eight domains have weight 1 in london.json; decent-home at 3 makes its share 3 / (7 + 3) = 0.3.
        Assert.Equal(0.3, home["effective"]!.Value<double>(), 12);
    }

    [Theory]
    [InlineData("""{"uncertainty": {"runs": 10}}""", "uncertainty")]
    [InlineData("""{"from": "2020", "to": "2022"}""", "from", "to")]
    [InlineData("""{"period": "nope"}""", "period")]
    [InlineData("""{"weights": {"nosuch": 1}}""", "weights.nosuch")]
    public async Task Bad_audit_bodies_are_400_problems_naming_the_field(string body, params string[] fields) =>
        await ProblemAssert.IsProblemAsync(await factory.CreateClient().PostAsync("/api/frameworks/london/audit", ApiFactory.Json(body)), HttpStatusCode.BadRequest, fields);
}
