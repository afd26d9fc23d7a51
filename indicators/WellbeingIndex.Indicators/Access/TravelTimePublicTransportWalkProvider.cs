using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Common;

namespace WellbeingIndex.Indicators.Access;

/// <summary>DfT average travel time to the nearest employment centre, the mode that matters for people without a car.</summary>
public sealed class TravelTimePublicTransportWalkProvider(ProviderContext context) : ElsSeriesProvider(context)
{
    public override IndicatorMetadata Metadata { get; } = TravelTimeToEmployment.Metadata("access-travel-time-pt-walk", "public transport or walking");

    protected override string FileName => TravelTimeToEmployment.FileName;

    protected override string Measure => "minutes_to_employment_centre_500_4999_jobs_pt_walk";

    protected override string Source => "DfT";
}
