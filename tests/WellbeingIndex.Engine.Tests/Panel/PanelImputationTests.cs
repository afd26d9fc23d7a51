using WellbeingIndex.Abstractions;
using WellbeingIndex.Engine.Data;
using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Panel;
using static WellbeingIndex.Engine.Tests.Methods.MethodTesting;

namespace WellbeingIndex.Engine.Tests.Panel;

public class PanelImputationTests
{
    private static ReferencePeriod Y(int year) => ReferencePeriod.ForCalendarYear(year);

    // 2018..2022, indicator x. U1 gaps inside and at the end; U2 missing at the start; U3 one observation; U4 none.
    private static readonly Dictionary<string, double[]> Series = new()
    {
        ["U1"] = [1, NaN, 3, NaN, NaN],
        ["U2"] = [NaN, NaN, 5, NaN, 9],
        ["U3"] = [NaN, 4, NaN, NaN, NaN],
        ["U4"] = [NaN, NaN, NaN, NaN, NaN],
    };

    private static PanelData Panel(int[]? years = null, Dictionary<string, double[]>? series = null)
    {
        years ??= [2018, 2019, 2020, 2021, 2022];
        series ??= Series;
        var areas = series.Keys.ToArray();
        return new PanelData([.. years.Select((y, p) => (Y(y), new IndicatorData(areas,
            new Dictionary<string, double[]> { ["x"] = areas.Select(a => series[a][p]).ToArray() })))]);
    }

    private static (Dictionary<string, double[]> Series, IReadOnlyList<ImputedCell> Cells) Impute(string method, double? maxTime = null, PanelData? panel = null)
    {
        var spec = maxTime is { } m ? MethodSpec.Of(method, ("max_time", m)) : new MethodSpec(method);
        var (data, cells) = PanelImputation.Impute(panel ?? Panel(), ["x"], spec);
        var areas = data[0].AreaCodes;
        return (areas.ToDictionary(a => a, a => Enumerable.Range(0, data.PeriodCount).Select(p => data[p].Column("x")[data[p].IndexOfArea(a)]).ToArray()), cells);
    }

    [Fact]
    public void Latest_carries_the_last_earlier_value_forward_and_nothing_back()
    {
        var (s, cells) = Impute("latest");

        Equal([1, 1, 3, 3, 3], s["U1"]);
        Equal([NaN, NaN, 5, 5, 9], s["U2"]);   // nothing before the first observation
        Equal([NaN, 4, 4, 4, 4], s["U3"]);     // one observation: carried forward
        Equal([NaN, NaN, NaN, NaN, NaN], s["U4"]);
        var u1 = cells.Where(c => c.AreaCode == "U1").ToList();
        Assert.Equal([(Y(2019), Y(2018)), (Y(2021), Y(2020)), (Y(2022), Y(2020))], u1.Select(c => (c.Period, c.From.Single())));
        Assert.All(cells, c => Assert.Equal("latest", c.Method));
        Assert.Equal("latest from 2020", u1[2].Describe());
    }

    [Fact]
    public void Latest_looks_back_at_most_max_time_periods()
    {
        var (s, _) = Impute("latest", maxTime: 1);

        // U1 2022 is two periods after 2020: left missing. U3 2021 and 2022 are 2 and 3 after 2019.
        Equal([1, 1, 3, 3, NaN], s["U1"]);
        Equal([NaN, 4, 4, NaN, NaN], s["U3"]);
    }

    [Fact]
    public void Constant_is_a_step_function_with_rule_2_at_the_ends()
    {
        var (s, cells) = Impute("constant");

        Equal([1, 1, 3, 3, 3], s["U1"]);
        Equal([5, 5, 5, 5, 9], s["U2"]);       // before the first observation: the first (rule 2)
        Equal([4, 4, 4, 4, 4], s["U3"]);
        Equal([NaN, NaN, NaN, NaN, NaN], s["U4"]);
        Assert.Equal(Y(2020), cells.First(c => c.AreaCode == "U2").From.Single());
    }

    [Fact]
    public void Linear_interpolates_between_observations_and_leaves_a_single_observation_alone()
    {
        var (s, cells) = Impute("linear");

        // U1 2019: halfway between 1 (2018) and 3 (2020) = 2; after 2020 the last value 3 (rule 2).
        Equal([1, 2, 3, 3, 3], s["U1"]);
        // U2 2021: halfway between 5 and 9 = 7; before 2020 the first value 5.
        Equal([5, 5, 5, 7, 9], s["U2"]);
        Equal([NaN, 4, NaN, NaN, NaN], s["U3"]);  // needs two observations
        Equal([NaN, NaN, NaN, NaN, NaN], s["U4"]);
        var u2 = cells.Single(c => c.AreaCode == "U2" && c.Period == Y(2021));
        Assert.Equal("linear", u2.Method);
        Assert.Equal([Y(2020), Y(2022)], u2.From.ToArray());
    }

    [Fact]
    public void Linear_constant_falls_back_to_constant_for_one_observation()
    {
        var (s, cells) = Impute("linear-constant");

        Equal([1, 2, 3, 3, 3], s["U1"]);
        Equal([4, 4, 4, 4, 4], s["U3"]);
        Equal([NaN, NaN, NaN, NaN, NaN], s["U4"]);
        Assert.All(cells.Where(c => c.AreaCode == "U3"), c => Assert.Equal("constant", c.Method));
        Assert.All(cells.Where(c => c.AreaCode == "U1"), c => Assert.Equal("linear", c.Method));
    }

    [Fact]
    public void Linear_uses_the_time_between_periods()
    {
        // Periods 2018, 2019, 2021 (no 2020): 2 → 8 over three years, so 2019 = 2 + 6·(1/3) = 4, not the midpoint 5.
        var panel = Panel([2018, 2019, 2021], new Dictionary<string, double[]> { ["U"] = [2, NaN, 8] });
        var (s, _) = Impute("linear", panel: panel);
        Equal([2, 4, 8], s["U"]);
    }

    [Fact]
    public void An_area_absent_from_a_period_is_not_added()
    {
        var panel = new PanelData(
        [
            (Y(2020), new IndicatorData(["A", "B"], new Dictionary<string, double[]> { ["x"] = [1, 2] })),
            (Y(2021), new IndicatorData(["A"], new Dictionary<string, double[]> { ["x"] = [NaN] })),
        ]);
        var (data, cells) = PanelImputation.Impute(panel, ["x"], new MethodSpec("constant"));
        Assert.Equal(["A"], data[1].AreaCodes.ToArray());
        Assert.Equal(1, data[1].Column("x")[0]);
        Assert.Single(cells);
    }

    [Theory]
    [InlineData("nearest", null, "unknown panel imputation")]
    [InlineData("linear", 2.0, "max_time applies to latest only")]
    [InlineData("latest", 0.0, "at least 1")]
    [InlineData("latest", 1.5, "whole number")]
    public void Rejects_unknown_methods_and_bad_max_time(string method, double? maxTime, string message)
    {
        var spec = maxTime is { } m ? MethodSpec.Of(method, ("max_time", m)) : new MethodSpec(method);
        var e = Assert.Throws<ArgumentException>(() => PanelImputation.Impute(Panel(), ["x"], spec));
        Assert.Contains(message, e.Message);
    }
}
