using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Common;

namespace WellbeingIndex.Indicators.Wellbeing;

/// <summary>ONS APS personal well-being, "Overall, how satisfied are you with your life nowadays?" How people judge their lives overall: the headline personal well-being measure.</summary>
public sealed class LifeSatisfactionProvider(ProviderContext context) : ElsSeriesProvider(context)
{
    public override IndicatorMetadata Metadata { get; } = PersonalWellbeing.Metadata(
        "wellbeing-life-satisfaction", "Life satisfaction (mean score)", "Overall, how satisfied are you with your life nowadays?", Direction.HigherIsBetter);

    protected override string FileName => PersonalWellbeing.FileName;

    protected override string Measure => "life_satisfaction";

    protected override string Source => "ONS";
}
