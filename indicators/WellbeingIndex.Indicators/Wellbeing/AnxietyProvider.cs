using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Common;

namespace WellbeingIndex.Indicators.Wellbeing;

/// <summary>ONS APS personal well-being, "Overall, how anxious did you feel yesterday?" How anxious people felt day to day (negative affect); lower is better.</summary>
public sealed class AnxietyProvider(ProviderContext context) : ElsSeriesProvider(context)
{
    public override IndicatorMetadata Metadata { get; } = PersonalWellbeing.Metadata(
        "wellbeing-anxiety", "Anxiety yesterday (mean score)", "Overall, how anxious did you feel yesterday?", Direction.LowerIsBetter);

    protected override string FileName => PersonalWellbeing.FileName;

    protected override string Measure => "anxiety";

    protected override string Source => "ONS";
}
