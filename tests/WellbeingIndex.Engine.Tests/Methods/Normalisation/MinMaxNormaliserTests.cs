using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Methods.Normalisation;
using static WellbeingIndex.Engine.Tests.Methods.MethodTesting;

namespace WellbeingIndex.Engine.Tests.Methods.Normalisation;

public class MinMaxNormaliserTests
{
    private readonly INormaliser _method = new MinMaxNormaliser();

    [Fact]
    public void Scales_onto_0_100_by_default()
    {
        // min 2, max 10, range 8: (2,4,6,10) → 0, 25, 50, 100.
        Equal([0, 25, 50, NaN, 100], Normalise(_method, [2, 4, 6, NaN, 10]));
    }

    [Fact]
    public void Uses_l_and_u()
    {
        // l = 1, u = 11: 4 → 1 + (4−2)/8·10 = 3.5.
        Equal([1, 3.5, 11], Normalise(_method, [2, 4, 10], Spec("minmax", ("l", 1), ("u", 11))));
    }

    [Fact]
    public void Constant_column_gives_the_midpoint_and_keeps_missing()
    {
        Equal([50, NaN, 50], Normalise(_method, [7, NaN, 7]));
    }

    [Fact]
    public void Works_in_place()
    {
        double[] column = [2, 4, 10];
        _method.Normalise(column, column, new MethodSpec("minmax"), Context(3));
        Equal([0, 25, 100], column);
    }

    [Fact]
    public void Validation_reports_bad_parameters()
    {
        Assert.Equal(["u"], Problems(_method, Spec("minmax", ("l", 5), ("u", 5))));
        Assert.Equal(["x"], Problems(_method, Spec("minmax", ("x", 1))));
        Assert.Equal(["l"], Problems(_method, new MethodSpec("minmax", texts: new Dictionary<string, string> { ["l"] = "zero" })));
        Assert.Empty(Problems(_method, Spec("minmax", ("l", -1), ("u", 1))));
        Assert.Throws<IndexComputationException>(() => Normalise(_method, [1, 2], Spec("minmax", ("l", 5), ("u", 0))));
    }

    [Fact]
    public void A_long_column_gives_each_cell_the_formula_bit_for_bit()
    {
        // 37 cells (vectors of cells and a scalar tail), one missing: min 1, max 1 + 36/7, so every present cell is
        // exactly l + (v − min)/(max − min)·(u − l) evaluated in that order, here with l = 0, u = 100.
        var values = Enumerable.Range(0, 37).Select(i => i == 5 ? NaN : 1 + i / 7.0).ToArray();
        var (min, max) = (1.0, 1 + 36 / 7.0);

        var output = Normalise(_method, values);

        for (var i = 0; i < values.Length; i++)
        {
            var expected = i == 5 ? NaN : 0 + (values[i] - min) / (max - min) * (100 - 0);
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(output[i]));
        }
    }

    [Fact]
    public void The_range_keeps_the_first_zero_seen_as_a_one_pass_scan_does()
    {
        // −0 and +0 are equal: the minimum is whichever comes first (here −0 at position 3), over a column long enough
        // for vectors; max 9 is at position 20, after a missing cell.
        var values = Enumerable.Range(0, 24).Select(i => i switch { 3 => -0.0, 7 => 0.0, 19 => NaN, 20 => 9.0, _ => 1.0 + i % 3 }).ToArray();

        var (min, max) = ColumnStatistics.Range(values);

        Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits(min));
        Assert.Equal(9.0, max);
        Assert.Equal((double.NaN, double.NaN), ColumnStatistics.Range(Enumerable.Repeat(NaN, 24).ToArray()));
    }
}
