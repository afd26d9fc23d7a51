using System.Diagnostics;
using WellbeingIndex.Engine.Diagnostics;
using WellbeingIndex.Engine.Pipeline;
using WellbeingIndex.Tests.Telemetry;

namespace WellbeingIndex.Engine.Tests.Pipeline;

/// <summary>One <c>wellbeing.index.build</c> activity per engine build, with the build's size, when something listens.</summary>
public class IndexBuildTelemetryTests
{
    [Fact]
    public void A_build_is_one_activity_tagged_with_its_definition_areas_and_indicators()
    {
        using var telemetry = new TelemetryRecorder();

        IndexPipeline.Run(Examples.Definition(), Examples.FourAreas());

        // Examples: definition "four", areas A–D, indicators pay, rent, parks.
        var build = Assert.Single(telemetry.Activities(WellbeingTelemetry.IndexBuild));
        Assert.Equal("four", build.GetTagItem("wellbeing.index.id"));
        Assert.Equal(4, build.GetTagItem("wellbeing.areas"));
        Assert.Equal(3, build.GetTagItem("wellbeing.indicators"));
        Assert.Equal(ActivityStatusCode.Unset, build.Status);
        Assert.Equal("WellbeingIndex", build.Source.Name);
    }

    [Fact]
    public void A_failed_build_is_an_error_activity_naming_the_exception_type()
    {
        using var telemetry = new TelemetryRecorder();
        var noRent = new WellbeingIndex.Engine.Data.IndicatorData(["A", "B"], new Dictionary<string, double[]> { ["pay"] = [1, 2], ["parks"] = [3, 4] });

        Assert.Throws<IndexComputationException>(() => { IndexPipeline.Run(Examples.Definition(), noRent); });

        var build = Assert.Single(telemetry.Activities(WellbeingTelemetry.IndexBuild));
        Assert.Equal(ActivityStatusCode.Error, build.Status);
        Assert.Equal(nameof(IndexComputationException), build.GetTagItem("error.type"));
    }
}
