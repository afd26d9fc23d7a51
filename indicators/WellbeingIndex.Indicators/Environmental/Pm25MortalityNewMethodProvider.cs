using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Common;

namespace WellbeingIndex.Indicators.Environmental;

/// <summary>
/// OHID PM2.5-attributable mortality, the 2022 method (data years 2018-2021): the current series, used by the frameworks.
/// Air quality is both a health outcome and an environmental one.
/// </summary>
public sealed class Pm25MortalityNewMethodProvider(ProviderContext context) : CsvSeriesProvider(context)
{
    public override IndicatorMetadata Metadata { get; } = Pm25Rows.Metadata("air-pm25-mortality-new-method", "2022 method",
        "2018-2021", "A request before 2018 is NotAvailable rather than answered with the old method.");

    protected override string FileName => Pm25Rows.FileName;

    protected override void Read(CsvReader csv, SeriesTable.Builder table) => Pm25Rows.Read(csv, table, Pm25Rows.New);
}
