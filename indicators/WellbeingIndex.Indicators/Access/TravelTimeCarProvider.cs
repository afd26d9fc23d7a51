using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Common;

namespace WellbeingIndex.Indicators.Access;

/// <summary>DfT average travel time to the nearest employment centre, by car.</summary>
public sealed class TravelTimeCarProvider(ProviderContext context) : ElsSeriesProvider(context)
{
    public override IndicatorMetadata Metadata { get; } = TravelTimeToEmployment.Metadata("access-travel-time-car", "car");

    protected override string FileName => TravelTimeToEmployment.FileName;

    protected override string Measure => "minutes_to_employment_centre_500_4999_jobs_car";

    protected override string Source => "DfT";
}
