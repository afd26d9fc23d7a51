using FsCheck;
using FsCheck.Fluent;
using WellbeingIndex.Engine.Data;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Pipeline;

namespace WellbeingIndex.Engine.Tests.Pipeline;

/// <summary>Invariants of a whole run (min-max 0–100, arithmetic means) on random data of the example's shape.</summary>
public class IndexPipelinePropertyTests
{
    /// <summary>n areas and 3n integer values 0–1000; −1 stands for a missing value (about 1 in 25).</summary>
    private static readonly Arbitrary<(int N, int[] Values, int Seed)> Cases =
        Gen.Choose(3, 25).SelectMany(n =>
                Gen.Choose(-40, 1000).Select(v => v < 0 ? -1 : v).ArrayOf(3 * n)
                    .SelectMany(values => Gen.Choose(0, int.MaxValue - 1).Select(seed => (n, values, seed))))
            .ToArbitrary();

    [Fact]
    public void Results_do_not_depend_on_row_order() =>
        Prop.ForAll(Cases, c =>
        {
            var data = Data(c.N, c.Values);
            var order = Enumerable.Range(0, c.N).OrderBy(_ => 0).ToArray();
            new Random(c.Seed).Shuffle(order);
            var shuffled = Data(c.N, c.Values, order);

            var a = IndexPipeline.Run(Examples.Definition(), data);
            var b = IndexPipeline.Run(Examples.Definition(), shuffled);

            return Enumerable.Range(0, c.N).All(k =>
            {
                var i = data.IndexOfArea(shuffled.AreaCodes[k]);
                return Same(a.Index.Scores[i], b.Index.Scores[k]) && a.Index.Ranks[i] == b.Index.Ranks[k]
                    && Same(a["income"].Scores[i], b["income"].Scores[k]);
            });
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Scaling_the_weights_of_a_group_changes_nothing() =>
        Prop.ForAll(Cases, c =>
        {
            var data = Data(c.N, c.Values);
            var factor = 0.1 + c.Seed % 97;
            var scaled = Examples.Nodes().Select(n => n.Parent == "income" ? n with { Weight = n.Weight * factor } : n).ToList();

            var a = IndexPipeline.Run(Examples.Definition(), data);
            var b = IndexPipeline.Run(IndexDefinition.Create("four", scaled, [Examples.MinMax(), Examples.Mean()]), data);

            return Enumerable.Range(0, c.N).All(i => Same(a.Index.Scores[i], b.Index.Scores[i]));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Improving_an_indicator_in_its_good_direction_never_lowers_the_index() =>
        // A missing cell cannot be improved: such cases are discarded (filtered), not counted as passing.
        Prop.ForAll(Cases.Filter(c => c.Values[ImprovedCell(c)] >= 0), c =>
        {
            var data = Data(c.N, c.Values);
            var area = c.Seed % c.N;
            var indicator = c.Seed / c.N % 3;
            var improved = (int[])c.Values.Clone();
            var cell = ImprovedCell(c);

            // rent (indicator 1) is lower-is-better: improving it means lowering it.
            improved[cell] = indicator == 1 ? improved[cell] / 2 : improved[cell] + 1 + c.Seed % 500;

            var before = IndexPipeline.Run(Examples.Definition(), data).Index.Scores[area];
            var after = IndexPipeline.Run(Examples.Definition(), Data(c.N, improved)).Index.Scores[area];
            return double.IsNaN(before) || after >= before - 1e-9;
        }).QuickCheckThrowOnFailure();

    private static int ImprovedCell((int N, int[] Values, int Seed) c) => c.Seed / c.N % 3 * c.N + c.Seed % c.N;

    private static IndicatorData Data(int n, int[] values, int[]? order = null)
    {
        order ??= Enumerable.Range(0, n).ToArray();
        double Cell(int column, int row) => values[column * n + order[row]] is var v && v < 0 ? double.NaN : v;
        return new IndicatorData(
            order.Select(i => $"E{i:D3}").ToArray(),
            new Dictionary<string, double[]>
            {
                ["pay"] = Enumerable.Range(0, n).Select(r => Cell(0, r)).ToArray(),
                ["rent"] = Enumerable.Range(0, n).Select(r => Cell(1, r)).ToArray(),
                ["parks"] = Enumerable.Range(0, n).Select(r => Cell(2, r)).ToArray(),
            });
    }

    private static bool Same(double x, double y) => (double.IsNaN(x) && double.IsNaN(y)) || Math.Abs(x - y) <= 1e-9 * Math.Max(1, Math.Abs(x));
}
