using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Common;

namespace WellbeingIndex.Indicators.Wellbeing;

/// <summary>ONS APS personal well-being, "Overall, how happy did you feel yesterday?" How people felt day to day (positive affect).</summary>
public sealed class HappinessProvider(ProviderContext context) : ElsSeriesProvider(context)
{
    public override IndicatorMetadata Metadata { get; } = PersonalWellbeing.Metadata(
        "wellbeing-happiness", "Happiness yesterday (mean score)", "Overall, how happy did you feel yesterday?", Direction.HigherIsBetter);

    protected override string FileName => PersonalWellbeing.FileName;

    protected override string Measure => "happiness";

    protected override string Source => "ONS";
}
