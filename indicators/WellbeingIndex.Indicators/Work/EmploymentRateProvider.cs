using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Common;

namespace WellbeingIndex.Indicators.Work;

/// <summary>ONS APS employment rate, residents aged 16-64. Share of working-age residents in work: the basic good-work outcome.</summary>
public sealed class EmploymentRateProvider(ProviderContext context) : ElsSeriesProvider(context)
{
    public override IndicatorMetadata Metadata { get; } = ApsLabourMarket.Metadata("work-employment-rate", "Employment rate, residents aged 16-64", Direction.HigherIsBetter);

    protected override string FileName => ApsLabourMarket.FileName;

    protected override string Measure => "employment_rate_16_64_pct";

    protected override string Source => "ONS";
}
