using FsCheck;
using FsCheck.Xunit;
using WellbeingIndex.Engine.Methods;
using static WellbeingIndex.Engine.Tests.Methods.MethodTesting;

namespace WellbeingIndex.Engine.Tests.Methods.Properties;

public class AggregatorProperties
{
    private static readonly (string Name, MethodSpec Spec)[] Means =
    [
        ("amean", Spec("amean")), ("gmean", Spec("gmean")), ("hmean", Spec("hmean")),
        ("genmean", Spec("genmean", ("p", 2))), ("genmean", Spec("genmean", ("p", -0.5))), ("genmean", Spec("genmean", ("p", 3))),
    ];

    /// <summary>Positive children of one area (some missing) and positive weights.</summary>
    private static (double[][] Children, double[] Weights) Area(int[] xs, int[] ws)
    {
        var k = Math.Min(xs.Length, ws.Length);
        var children = xs.Take(k).Select(x => new[] { x % 5 == 0 ? NaN : Math.Abs(x % 1000) + 1.0 }).ToArray();
        var weights = ws.Take(k).Select(w => Math.Abs(w % 10) + 1.0).ToArray();
        return (children, weights);
    }

    [Property(MaxTest = 300)]
    public void Improving_one_child_never_lowers_the_score(NonEmptyArray<int> xs, NonEmptyArray<int> ws, NonNegativeInt which, PositiveInt gain)
    {
        var (children, weights) = Area(xs.Get, ws.Get);
        var j = which.Get % children.Length;
        if (double.IsNaN(children[j][0])) return;
        var better = children.Select((c, i) => i == j ? new[] { c[0] + gain.Get } : c).ToArray();
        foreach (var (name, spec) in Means.Append(("min", Spec("min"))))
        {
            var method = MethodRegistry.Default.Get<IAggregator>(name);
            var before = Aggregate(method, children, weights, spec)[0];
            var after = Aggregate(method, better, weights, spec)[0];
            Assert.True(after >= before - 1e-9 * Math.Abs(before), $"{spec}: {before} → {after}");
        }
    }

    [Property(MaxTest = 300)]
    public void Scaling_all_weights_changes_nothing(NonEmptyArray<int> xs, NonEmptyArray<int> ws, PositiveInt scale)
    {
        var (children, weights) = Area(xs.Get, ws.Get);
        var factor = scale.Get / 7.0;
        var scaled = weights.Select(w => w * factor).ToArray();
        foreach (var (name, spec) in Means.Append(("mpi", Spec("mpi"))))
        {
            var method = MethodRegistry.Default.Get<IAggregator>(name);
            var a = Aggregate(method, children, weights, spec)[0];
            var b = Aggregate(method, children, scaled, spec)[0];
            if (double.IsNaN(a)) Assert.True(double.IsNaN(b), spec.ToString());
            else Assert.True(Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(a)), $"{spec}: {a} vs {b}");
        }
    }
}
