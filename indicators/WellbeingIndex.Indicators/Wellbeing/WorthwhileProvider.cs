using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Common;

namespace WellbeingIndex.Indicators.Wellbeing;

/// <summary>ONS APS personal well-being, "Overall, to what extent do you feel that the things you do in your life are worthwhile?" Whether people feel their lives have purpose (eudemonic well-being).</summary>
public sealed class WorthwhileProvider(ProviderContext context) : ElsSeriesProvider(context)
{
    public override IndicatorMetadata Metadata { get; } = PersonalWellbeing.Metadata(
        "wellbeing-worthwhile", "Feeling that the things done in life are worthwhile (mean score)", "Overall, to what extent do you feel that the things you do in your life are worthwhile?", Direction.HigherIsBetter);

    protected override string FileName => PersonalWellbeing.FileName;

    protected override string Measure => "worthwhile";

    protected override string Source => "ONS";
}
