using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Common;

namespace WellbeingIndex.Indicators.GreenSpace;

/// <summary>
/// ONS / Ordnance Survey share of residential addresses with a private garden, patio or balcony (houses and flats
/// together). The file gives a fraction to three places; it is published here as a percentage to one place so that it
/// reads like the other green-space indicator.
/// </summary>
public sealed class PrivateOutdoorSpaceProvider(ProviderContext context) : CsvSeriesProvider(context)
{
    internal static readonly ReferencePeriod Period = ReferencePeriod.ForCalendarYear(2020);

    public override IndicatorMetadata Metadata { get; } = new()
    {
        Id = "green-private-outdoor-space",
        Name = "Addresses with private outdoor space",
        Domain = "green space",
        Unit = "% of residential addresses",
        Direction = Direction.HigherIsBetter,
        Geography = GeographyLevel.LocalAuthority,
        Publisher = "Office for National Statistics / Ordnance Survey",
        Dataset = "Access to gardens and public green space in Great Britain: private outdoor space (AddressBase Plus, 2020)",
        Url = new Uri("https://www.ons.gov.uk/economy/environmentalaccounts/datasets/accesstogardensandpublicgreenspaceingreatbritain"),
        Licence = "Open Government Licence v3.0",
        PeriodKind = PeriodKind.CalendarYear,
        Notes = "Column total_percentage_of_addresses_with_private_outdoor_space (a fraction, 0.8 = 80%) times 100, to one "
            + "decimal place. One snapshot (2020, 2019/20 boundaries): every request from 2020 on gets the 2020 value. "
            + "English local authorities, Welsh and Scottish councils.",
    };

    protected override string FileName => "ons_private_outdoor_space_lad_2020.csv";

    protected override void Read(CsvReader csv, SeriesTable.Builder table)
    {
        int area = csv.Column("lad_code"), share = csv.Column("total_percentage_of_addresses_with_private_outdoor_space");
        foreach (var r in csv.Records())
        {
            var fraction = csv.Number(r, share);
            if (fraction is < 0 or > 1)
            {
                throw csv.Error($"column '{csv.Header[share]}' is {r[share]}, outside the fraction range 0-1.", r.Line);
            }

            table.Add(r[area].Trim(), Observation.Ok(Period, Math.Round(fraction * 100, 1)), r.Line);
        }
    }
}
