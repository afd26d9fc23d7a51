using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Work;
using static WellbeingIndex.Indicators.Tests.TestData;

namespace WellbeingIndex.Indicators.Tests.Work;

/// <summary>Employment and inactivity against ons_aps_employment_inactivity_la_2004_2023.csv.</summary>
public class ApsLabourMarketProviderTests
{
    private readonly EmploymentRateProvider _employment = new(Context);
    private readonly EconomicInactivityProvider _inactivity = new(Context);

    [Fact]
    public async Task Reads_rates_with_their_interval()
    {
        // line 13595: E09000030,Tower Hamlets,...,2017,2017-01-01/P1Y,employment_rate_16_64_pct,62.1,%,57.800000000000004,66.4,,
        // line 13596: E09000030,Tower Hamlets,...,2018,2018-01-01/P1Y,employment_rate_16_64_pct,72.9,%,68.4,77.4,,
        Assert.Equal(new IndicatorValue("E09000030", 62.1, Year(2017), ValueStatus.Ok) { Interval = new(57.800000000000004, 66.4) },
            await ValueAsync(_employment, "E09000030", Year(2017)));
        Assert.Equal(new IndicatorValue("E09000030", 72.9, Year(2018), ValueStatus.Ok) { Interval = new(68.4, 77.4) },
            await ValueAsync(_employment, "E09000030", Year(2018)));
        // line 5361: E09000005,Brent,...,2023,2023-01-01/P1Y,economic_inactivity_rate_16_64_pct,29.1,%,20.700000000000003,37.5,,
        Assert.Equal(new IndicatorValue("E09000005", 29.1, Year(2023), ValueStatus.Ok) { Interval = new(20.700000000000003, 37.5) },
            await ValueAsync(_inactivity, "E09000005", Year(2023)));
    }

    [Fact]
    public async Task A_small_sample_value_is_kept_and_flagged_unreliable()
    {
        // line 13017: E09000001,City of London,...,2019,2019-01-01/P1Y,employment_rate_16_64_pct,87.2,%,,,unreliable_small_sample_3_9,
        //   Estimate and confidence interval unreliable since the group sample size is small (3-9)
        Assert.Equal(new IndicatorValue("E09000001", 87.2, Year(2019), ValueStatus.Unreliable,
                "ONS: Estimate and confidence interval unreliable since the group sample size is small (3-9)."),
            await ValueAsync(_employment, "E09000001", Year(2019)));
        // line 1300: E07000009,East Cambridgeshire,...,2022,...,economic_inactivity_rate_16_64_pct,9.7,%,,,unreliable_small_sample_3_9,...
        var v = await ValueAsync(_inactivity, "E07000009", Year(2022));
        Assert.Equal((9.7, ValueStatus.Unreliable), (v.Value, v.Status));
    }

    [Fact]
    public async Task U_is_suppressed_and_x_not_available()
    {
        // line 13020: E09000001,City of London,...,2022,2022-01-01/P1Y,employment_rate_16_64_pct,,%,,,u_suppressed_low_reliability,
        Assert.Equal(ValueStatus.Suppressed, (await ValueAsync(_employment, "E09000001", Year(2022))).Status);
        // line 13021: E09000001,City of London,...,2023,2023-01-01/P1Y,employment_rate_16_64_pct,,%,,,x_not_available,
        Assert.Equal(new IndicatorValue("E09000001", null, Year(2023), ValueStatus.NotAvailable, "ONS: not available for this area and period ('x')."),
            await ValueAsync(_employment, "E09000001", Year(2023)));
        Assert.Equal(Enumerable.Range(2004, 20).Select(Year), await _inactivity.GetAvailablePeriodsAsync());
        Assert.Equal(Direction.LowerIsBetter, _inactivity.Metadata.Direction);
    }

    [Fact]
    public async Task Flag_errors_name_the_line()
    {
        const string header = "area_code,area_name,geography_type,period,period_iso,measure,value,unit,lci_95,uci_95,flag,source_note\n";
        using var withValue = new TempDataDirectory().Write("ons_aps_employment_inactivity_la_2004_2023.csv",
            header + "E09000001,City of London,Local Authority District,2022,2022-01-01/P1Y,employment_rate_16_64_pct,80,%,,,u_suppressed_low_reliability,\n");
        Assert.Contains("line 2: flag 'u_suppressed_low_reliability' on a row that has a value",
            (await Assert.ThrowsAsync<IndicatorDataException>(() => ValueAsync(new EmploymentRateProvider(withValue.Context), "E09000001", Year(2022)))).Message);

        using var blank = new TempDataDirectory().Write("ons_aps_employment_inactivity_la_2004_2023.csv",
            header + "E09000001,City of London,Local Authority District,2022,2022-01-01/P1Y,employment_rate_16_64_pct,,%,,,unreliable_small_sample_3_9,\n");
        Assert.Contains("line 2: blank value with flag 'unreliable_small_sample_3_9'",
            (await Assert.ThrowsAsync<IndicatorDataException>(() => ValueAsync(new EmploymentRateProvider(blank.Context), "E09000001", Year(2022)))).Message);

        using var unknown = new TempDataDirectory().Write("ons_aps_employment_inactivity_la_2004_2023.csv",
            header + "E09000001,City of London,Local Authority District,2022,2022-01-01/P1Y,employment_rate_16_64_pct,,%,,,secret,\n");
        Assert.Contains("line 2: unknown flag 'secret'",
            (await Assert.ThrowsAsync<IndicatorDataException>(() => ValueAsync(new EmploymentRateProvider(unknown.Context), "E09000001", Year(2022)))).Message);

        using var period = new TempDataDirectory().Write("ons_aps_employment_inactivity_la_2004_2023.csv",
            header + "E09000001,City of London,Local Authority District,2022,2022,employment_rate_16_64_pct,80,%,,,,\n");
        Assert.Contains("line 2: column 'period_iso' is '2022', not an interval",
            (await Assert.ThrowsAsync<IndicatorDataException>(() => ValueAsync(new EmploymentRateProvider(period.Context), "E09000001", Year(2022)))).Message);

        using var halfInterval = new TempDataDirectory().Write("ons_aps_employment_inactivity_la_2004_2023.csv",
            header + "E09000001,City of London,Local Authority District,2022,2022-01-01/P1Y,employment_rate_16_64_pct,80,%,75,,,\n");
        Assert.Contains("line 2: only one of lci_95 and uci_95 is given.",
            (await Assert.ThrowsAsync<IndicatorDataException>(() => ValueAsync(new EmploymentRateProvider(halfInterval.Context), "E09000001", Year(2022)))).Message);
    }
}
