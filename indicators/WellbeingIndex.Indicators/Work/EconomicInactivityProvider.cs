using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Common;

namespace WellbeingIndex.Indicators.Work;

/// <summary>ONS APS economic inactivity rate, residents aged 16-64. Share of working-age residents neither in work nor looking (including the long-term sick); lower is better, though it includes students and carers.</summary>
public sealed class EconomicInactivityProvider(ProviderContext context) : ElsSeriesProvider(context)
{
    public override IndicatorMetadata Metadata { get; } = ApsLabourMarket.Metadata("work-economic-inactivity", "Economic inactivity rate, residents aged 16-64", Direction.LowerIsBetter);

    protected override string FileName => ApsLabourMarket.FileName;

    protected override string Measure => "economic_inactivity_rate_16_64_pct";

    protected override string Source => "ONS";
}
