using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Safety;
using static WellbeingIndex.Indicators.Tests.TestData;

namespace WellbeingIndex.Indicators.Tests.Safety;

/// <summary>
/// Crime per 1,000 residents against mps_recorded_crime_borough_monthly_2010_2025.csv.gz (offences) and
/// ons_population_lsoa_2017_2021.csv.gz summed over each borough's LSOAs (LSOA to borough from
/// desnz_subregional_fuel_poverty_lsoa_lilee_2019_2022.csv.gz). The sums were taken by hand with a one-off script.
/// </summary>
public class RecordedCrimeRateProviderTests
{
    private readonly RecordedCrimeRateProvider _provider = new(Context);

    [Fact]
    public async Task Sums_all_categories_over_the_financial_year_and_divides_by_the_latest_population_before_its_end()
    {
        // Westminster (E09000033), months 2024-04 .. 2025-03: 384 rows (32 minor categories x 12 months), e.g. line 202482
        // "E09000033,Westminster,2024-04,ARSON AND CRIMINAL DAMAGE,ARSON,6,most_recent_24_months," — total 89,558 offences.
        // Population: Census 2021 (21 March 2021, the latest on or before 31 March 2025), 123 LSOAs of E09000033: 204,214.
        // 89,558 / 204,214 x 1,000 = 438.5497566...
        var fy2024 = ReferencePeriod.ForFinancialYear(2024);
        var v = await ValueAsync(_provider, "E09000033", fy2024);
        Assert.Equal((ValueStatus.Ok, fy2024), (v.Status, v.Period));
        Assert.Equal(89558.0 / 204214 * 1000, v.Value!.Value, 9);
        Assert.Equal(438.5497566, v.Value!.Value, 6);

        // Tower Hamlets (E09000030), 2019/20: 33,053 offences; mid-2019 (30 June 2019, before 31 March 2020), 144 LSOAs: 324,745.
        // 33,053 / 324,745 x 1,000 = 101.7813977...
        Assert.Equal(101.7813977, (await ValueAsync(_provider, "E09000030", ReferencePeriod.ForFinancialYear(2019))).Value!.Value, 6);
        // 2018/19 ends 31 March 2019, before mid-2019: mid-2017 (307,964). 33,735 / 307,964 x 1,000 = 109.5420244...
        Assert.Equal(109.5420244, (await ValueAsync(_provider, "E09000030", ReferencePeriod.ForFinancialYear(2018))).Value!.Value, 6);
    }

    [Fact]
    public async Task The_incomplete_financial_year_is_not_used_and_years_before_the_first_population_are_not_available()
    {
        // The file ends in November 2025: 2025/26 has 8 months, so a request for it (or for 2025) gets 2024/25.
        Assert.Equal(ReferencePeriod.ForFinancialYear(2024), (await ValueAsync(_provider, "E09000033", ReferencePeriod.ForFinancialYear(2025))).Period);
        Assert.Equal(ReferencePeriod.ForFinancialYear(2024), (await ValueAsync(_provider, "E09000033", Year(2025))).Period);
        // 2016/17 (49,971 offences in Westminster) ends before mid-2017, the first population in the data.
        var early = await ValueAsync(_provider, "E09000033", ReferencePeriod.ForFinancialYear(2016));
        Assert.Equal((null, ValueStatus.NotAvailable, ReferencePeriod.ForFinancialYear(2016)), (early.Value, early.Status, early.Period));
        Assert.Equal("49971 offences recorded, but no population for 'E09000033' on or before 2017-03-31 in ons_population_lsoa_2017_2021.csv (first: 2017-06-30).", early.Reason);
        Assert.Equal(Enumerable.Range(2010, 15).Select(ReferencePeriod.ForFinancialYear), await _provider.GetAvailablePeriodsAsync());
    }

    [Fact]
    public async Task The_City_of_London_is_not_covered_and_says_why()
    {
        var v = await ValueAsync(_provider, "E09000001", ReferencePeriod.ForFinancialYear(2024));
        Assert.Equal(new IndicatorValue("E09000001", null, ReferencePeriod.ForFinancialYear(2024), ValueStatus.NotAvailable,
            "The City of London is policed by the City of London Police, not the Metropolitan Police: no MPS count."), v);
        Assert.Contains("financial year", _provider.Metadata.Notes, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Census 2021", _provider.Metadata.Notes);
    }

    [Fact]
    public async Task An_unknown_flag_is_a_data_error()
    {
        using var dir = new TempDataDirectory().Write("mps_recorded_crime_borough_monthly_2010_2025.csv",
            "area_code,area_name,month,major_category,minor_category,offences,source_file,flag\n"
            + ",Unknown,2024-04,THEFT,OTHER THEFT,3,historical,not_a_borough\n"
            + "E09000033,Westminster,2024-04,THEFT,OTHER THEFT,3,historical,estimated\n");
        var e = await Assert.ThrowsAsync<IndicatorDataException>(() => ValueAsync(new RecordedCrimeRateProvider(dir.Context), "E09000033", Year(2024)));
        Assert.Contains("line 3: unknown flag 'estimated'; expected not_a_borough.", e.Message);
    }
}
