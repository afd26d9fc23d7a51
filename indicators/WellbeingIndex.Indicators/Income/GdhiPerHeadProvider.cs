using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Common;

namespace WellbeingIndex.Indicators.Income;

/// <summary>
/// ONS gross disposable household income per head: what households have to spend or save after taxes and benefits,
/// the national accounts' measure of material living standards by place.
/// </summary>
public sealed class GdhiPerHeadProvider(ProviderContext context) : ElsSeriesProvider(context)
{
    public override IndicatorMetadata Metadata { get; } = new()
    {
        Id = "income-gdhi-per-head",
        Name = "Gross disposable household income per head",
        Domain = "income",
        Unit = "GBP per head, current prices",
        Direction = Direction.HigherIsBetter,
        Geography = GeographyLevel.LocalAuthority,
        Publisher = "Office for National Statistics",
        Dataset = "Regional gross disposable household income: local authorities, 1997-2023 (release 10 September 2025, via ONS Explore local statistics)",
        Url = new Uri("https://www.ons.gov.uk/economy/regionalaccounts/grossdisposablehouseholdincome/datasets/regionalgrossdisposablehouseholdincomelocalauthoritiesbyitl1region"),
        Licence = "Open Government Licence v3.0",
        PeriodKind = PeriodKind.CalendarYear,
        Notes = "Current prices (not adjusted for inflation or regional prices), so compare places within one year. A mean: "
            + "property income of a few very rich residents lifts it (City of London £129,429 and Kensington and Chelsea far "
            + "above other boroughs in 2023). ONS revises the back series each release. UK local authorities, regions, nations.",
    };

    protected override string FileName => "ons_gdhi_per_head_la_1997_2023.csv";

    protected override string Measure => "gdhi_per_head_gbp";

    protected override string Source => "ONS";
}
