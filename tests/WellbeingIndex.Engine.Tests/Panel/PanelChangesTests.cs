using WellbeingIndex.Abstractions;
using WellbeingIndex.Engine.Data;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Panel;
using static WellbeingIndex.Engine.Tests.Panel.Panels;

namespace WellbeingIndex.Engine.Tests.Panel;

public class PanelChangesTests
{
    /// <summary>As <see cref="Panels.TwoYears"/> but A jumps to x = 60 in 2021; x carries 95% confidence intervals.</summary>
    private static PanelData Jump() => new(
    [
        (Y2020, new IndicatorData(["A", "B", "C"], new Dictionary<string, double[]> { ["x"] = [10, 20, 30], ["y"] = [5, 3, 1] })),
        (Y2021, new IndicatorData(["A", "B", "C"], new Dictionary<string, double[]> { ["x"] = [60, 40, 50], ["y"] = [4, 2, 0] })),
    ],
    [
        new Dictionary<string, IntervalColumn> { ["x"] = new([8, 15, 25], [12, 25, 35]) },
        new Dictionary<string, IntervalColumn> { ["x"] = new([55, 35, 30], [65, 45, 70]) },
    ]);

    [Fact]
    public void Change_since_base_and_previous_with_rank_movement_and_noise()
    {
        var r = PanelPipeline.Run(Recipe(MinMax), Jump(), new PanelOptions(TimeDefinition.Pooled));
        var changes = PanelChanges.Changes(r);

        // Pooled x over {10, 20, 30, 60, 40, 50}: min 10, max 60 → 2020 0, 20, 40; 2021 100, 60, 80.
        // Pooled v = −y over −5..0 → 2020 0, 40, 80; 2021 20, 60, 100.
        // index 2020: A 0, B 30, C 60 (ranks 3, 2, 1); 2021: A 60, B 60, C 90 (ranks 2, 2, 1).
        var a = changes.Single(c => c.AreaCode == "A" && c.Node == "index" && c.Period == Y2021);
        Assert.Equal(60, a.Score, 1e-9);
        Assert.Equal(60, a.SinceBase, 1e-9);      // base = first period when the mode is not base-period
        Assert.Equal(60, a.SincePrevious, 1e-9);
        Assert.Equal((2, 1), (a.Rank, a.RankMovement));   // 3 → 2: up one
        var first = changes.Single(c => c.AreaCode == "A" && c.Node == "index" && c.Period == Y2020);
        Assert.True(double.IsNaN(first.SincePrevious));
        Assert.Null(first.RankMovement);

        // Raw x changes: A 10 → 60, CI [8, 12] vs [55, 65] disjoint → significant; C 30 → 50, [25, 35] vs [30, 70] overlap → not.
        var ax = changes.Single(c => c.AreaCode == "A" && c.Node == "x" && c.Period == Y2021);
        Assert.Equal((50.0, (bool?)true), (ax.RawSincePrevious, ax.Significant));
        var cx = changes.Single(c => c.AreaCode == "C" && c.Node == "x" && c.Period == Y2021);
        Assert.Equal((20.0, (bool?)false), (cx.RawSincePrevious, cx.Significant));
        // y has no intervals: no verdict. Its raw change A 5 → 4 = −1.
        var ay = changes.Single(c => c.AreaCode == "A" && c.Node == "y" && c.Period == Y2021);
        Assert.Equal((-1.0, (bool?)null), (ay.RawSincePrevious, ay.Significant));
    }

    [Fact]
    public void Change_since_base_uses_the_base_period()
    {
        var r = PanelPipeline.Run(Recipe(MinMax, Base2020), TwoYears());
        var changes = PanelChanges.Changes(r);

        // Base 2020 min-max (see PanelPipelineTests): A index 2020 0, 2021 25.
        Assert.Equal(25, changes.Single(c => c.AreaCode == "A" && c.Node == "index" && c.Period == Y2021).SinceBase, 1e-9);
    }

    [Fact]
    public void Cagr_between_the_first_and_latest_values_of_the_span()
    {
        var r = PanelPipeline.Run(Recipe(MinMax), Jump(), new PanelOptions(TimeDefinition.Pooled));
        var trends = PanelChanges.Trends(r);

        // B index 30 → 60 in one year: (60/30)^(1/1) − 1 = 1. C 60 → 90: 0.5.
        Assert.Equal(1, trends.Single(t => t.AreaCode == "B" && t.Node == "index").Cagr, 1e-12);
        Assert.Equal(0.5, trends.Single(t => t.AreaCode == "C" && t.Node == "index").Cagr, 1e-12);
        // A starts at 0: growth from zero is undefined.
        var a = trends.Single(t => t.AreaCode == "A" && t.Node == "index");
        Assert.True(double.IsNaN(a.Cagr));
        Assert.NotNull(a.Reason);
        // On raw values: x of B 20 → 40 = 100 %.
        Assert.Equal(1, PanelChanges.Trends(r, table: "raw").Single(t => t.AreaCode == "B" && t.Node == "x").Cagr, 1e-12);
        // A span of one period has fewer than two points.
        Assert.All(PanelChanges.Trends(r, Y2021, Y2021), t => Assert.True(double.IsNaN(t.Cagr)));
    }

    [Fact]
    public void Cagr_over_several_years()
    {
        // 100 → 121 over two years: √1.21 − 1 = 0.1.
        Assert.Equal(0.1, PanelChanges.Cagr(100, 121, 2), 1e-12);
        Assert.True(double.IsNaN(PanelChanges.Cagr(-1, 5, 2)));
    }
}
