using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Common;

namespace WellbeingIndex.Indicators.Health;

/// <summary>ONS healthy life expectancy at birth, females: years a newborn can expect to live in good health.</summary>
public sealed class HealthyLifeExpectancyFemaleProvider(ProviderContext context) : ElsSeriesProvider(context)
{
    public override IndicatorMetadata Metadata { get; } = HealthyLifeExpectancy.Metadata("health-hle-female", "females");

    protected override string FileName => HealthyLifeExpectancy.FileName;

    protected override string Measure => "hle_at_birth_female_years";

    protected override string Source => "ONS";

    protected override IReadOnlyDictionary<string, CombinedUnit> UnflaggedCombinedRows => HealthyLifeExpectancy.CombinedRows;
}
