using WellbeingIndex.Engine.Methods;

namespace WellbeingIndex.Engine.Tests.Methods;

/// <summary>Small builders so each test reads as: inputs, hand computation, expected values.</summary>
internal static class MethodTesting
{
    public const double NaN = double.NaN;

    public static ColumnContext Context(int areas, int direction = 1, IReadOnlyDictionary<string, string[]>? groups = null) =>
        ColumnContext.For("IND", Enumerable.Range(1, areas).Select(i => $"A{i}").ToArray(), direction, groups);

    public static MethodSpec Spec(string method, params (string Name, double Value)[] numbers) => MethodSpec.Of(method, numbers);

    public static double[] Normalise(INormaliser normaliser, double[] values, MethodSpec? spec = null, int direction = 1)
    {
        var output = new double[values.Length];
        normaliser.Normalise(values, output, spec ?? new MethodSpec(normaliser.Name), Context(values.Length, direction));
        return output;
    }

    public static double[] Aggregate(IAggregator aggregator, double[][] children, double[] weights, MethodSpec? spec = null)
    {
        var areas = children[0].Length;
        var output = new double[areas];
        aggregator.Aggregate(new AggregationInput(children, weights, spec ?? new MethodSpec(aggregator.Name), Context(areas)), output);
        return output;
    }

    public static void Equal(double[] expected, double[] actual, double tolerance = 1e-9)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            if (double.IsNaN(expected[i]))
            {
                Assert.True(double.IsNaN(actual[i]), $"row {i}: expected NaN, got {actual[i]}");
            }
            else
            {
                Assert.Equal(expected[i], actual[i], tolerance);
            }
        }
    }

    /// <summary>The parameters ("(method)" for the method as a whole) named by the problems <paramref name="method"/> finds in <paramref name="spec"/>.</summary>
    public static string[] Problems(IMethod method, MethodSpec spec) => method.Validate(spec).Select(p => p.Parameter ?? "(method)").ToArray();
}
