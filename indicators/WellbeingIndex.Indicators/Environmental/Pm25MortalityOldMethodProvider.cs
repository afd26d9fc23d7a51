using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Common;

namespace WellbeingIndex.Indicators.Environmental;

/// <summary>OHID PM2.5-attributable mortality, the method used until 2022 (data years 2010-2019): for trends before 2018.</summary>
public sealed class Pm25MortalityOldMethodProvider(ProviderContext context) : CsvSeriesProvider(context)
{
    public override IndicatorMetadata Metadata { get; } = Pm25Rows.Metadata("air-pm25-mortality-old-method", "method before 2022",
        "2010-2019 (2010 for fewer areas)", "A request after 2019 gets the 2019 old-method value, dated 2019.");

    protected override string FileName => Pm25Rows.FileName;

    protected override void Read(CsvReader csv, SeriesTable.Builder table) => Pm25Rows.Read(csv, table, Pm25Rows.Old);
}
