using NodaTime;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Income;
using static WellbeingIndex.Indicators.Tests.TestData;

namespace WellbeingIndex.Indicators.Tests.Income;

public class MedianWeeklyPayProviderTests
{
    private readonly MedianWeeklyPayProvider _provider = new(Context);

    [Fact]
    public async Task Reads_the_full_time_weekly_median()
    {
        // line 2233: E09000030,00BG,Tower Hamlets,2019,"Full-time, Weekly",median_gross_pay_gbp_by_place_of_residence,780.0,4.2,
        var v = await ValueAsync(_provider, "E09000030", Year(2019));
        Assert.Equal(new IndicatorValue("E09000030", 780.0, Year(2019), ValueStatus.Ok), v);

        // line 1712: E09000002,00AB,Barking and Dagenham,2002,"Full-time, Weekly",...,439.5,5.4,
        Assert.Equal(439.5, (await ValueAsync(_provider, "E09000002", Year(2002))).Value);
    }

    [Fact]
    public async Task A_coefficient_of_variation_over_10_percent_is_unreliable_but_kept()
    {
        // line 2053: E09000020,00AW,Kensington and Chelsea,2019,"Full-time, Weekly",...,912.9,11.0,
        var v = await ValueAsync(_provider, "E09000020", Year(2019));
        Assert.Equal(ValueStatus.Unreliable, v.Status);
        Assert.Equal(912.9, v.Value);
        Assert.Contains("coefficient of variation 11%", v.Reason);
    }

    [Fact]
    public async Task A_cell_ONS_withheld_is_suppressed_for_its_year_and_not_replaced_by_an_older_value()
    {
        // line 1711: E09000001,00AA,City of London,2019,"Full-time, Weekly",...,,,suppressed_unreliable
        // (line 1710 has 2018 = 1013.4; it must not stand in for 2019.)
        var v = await ValueAsync(_provider, "E09000001", Year(2019));
        Assert.Equal(ValueStatus.Suppressed, v.Status);
        Assert.Null(v.Value);
        Assert.Equal(Year(2019), v.Period);
        Assert.Contains("over 20%", v.Reason);
    }

    [Fact]
    public async Task A_later_period_gets_the_latest_value_at_or_before_it_with_its_own_period()
    {
        var v = await ValueAsync(_provider, "E09000030", Year(2023));
        Assert.Equal(780.0, v.Value);
        Assert.Equal(Year(2019), v.Period);

        // 2019/20 ends 31 March 2020, after calendar 2019 ends: 2019 qualifies.
        Assert.Equal(Year(2019), (await ValueAsync(_provider, "E09000030", ReferencePeriod.ForFinancialYear(2019))).Period);

        // June 2019 ends before calendar 2019 does, so the latest at or before it is 2018.
        // line 1710: E09000001,...,City of London,2018,"Full-time, Weekly",...,1013.4,17.0,
        var june = await ValueAsync(_provider, "E09000001", ReferencePeriod.ForMonth(new YearMonth(2019, 6)));
        Assert.Equal((1013.4, Year(2018), ValueStatus.Unreliable), (june.Value!.Value, june.Period!.Value, june.Status));
    }

    [Fact]
    public async Task Nothing_at_or_before_the_period_is_not_available_naming_the_earliest()
    {
        var v = await ValueAsync(_provider, "E09000030", Year(2001));
        Assert.Equal(ValueStatus.NotAvailable, v.Status);
        Assert.Null(v.Period);
        Assert.Contains("earliest for 'E09000030' is 2002", v.Reason);
    }

    [Fact]
    public async Task An_area_the_source_does_not_cover_is_not_available_with_a_reason()
    {
        var v = await ValueAsync(_provider, "E06000001", Year(2019));
        Assert.Equal(ValueStatus.NotAvailable, v.Status);
        Assert.Contains("'E06000001' is not in ashe_resident_median_earnings_london_2002_2019.csv", v.Reason);
    }

    [Fact]
    public async Task Covers_2002_to_2019()
    {
        var periods = await _provider.GetAvailablePeriodsAsync();
        Assert.Equal(Enumerable.Range(2002, 18).Select(Year), periods);
    }

    [Fact]
    public async Task Answers_every_area_in_request_order()
    {
        var values = await _provider.GetValuesAsync(new IndicatorRequest(["E09000030", "nowhere", "E09000002"], Year(2019)));
        Assert.Equal(["E09000030", "nowhere", "E09000002"], values.Select(v => v.AreaCode));
        // line 1729: E09000002,00AB,Barking and Dagenham,2019,"Full-time, Weekly",...,593.5,3.9,
        Assert.Equal(593.5, values[2].Value);
    }

    [Fact]
    public async Task Other_series_are_ignored_and_every_ONS_flag_is_mapped_or_refused()
    {
        const string file = "ashe_resident_median_earnings_london_2002_2019.csv";
        const string header = "area_code,legacy_code,area_name,year,series,statistic,value,cv_pct,flag\n";
        const string stat = "median_gross_pay_gbp_by_place_of_residence";
        using var dir = new TempDataDirectory().Write(file, header
            + $"E09000001,00AA,City of London,2002,\"Total, weekly\",{stat},,,not_available_sample_0_2\n"
            + $"E09000001,00AA,City of London,2002,\"Full-time, weekly\",{stat},,,not_available_sample_0_2\n"
            + $"E09000002,00AB,Barking and Dagenham,2002,\"Full-time, Weekly\",{stat},439.5,,\n");
        var values = await new MedianWeeklyPayProvider(dir.Context).GetValuesAsync(new IndicatorRequest(["E09000001", "E09000002"], Year(2002)));
        Assert.Equal(IndicatorValue.Missing("E09000001", ValueStatus.Suppressed, "ONS ASHE: estimate not available, sample of 0-2 jobs ('!').", Year(2002)), values[0]);
        Assert.Equal(IndicatorValue.Ok("E09000002", 439.5, Year(2002)), values[1]);

        using var unknown = new TempDataDirectory().Write(file, header + $"E09000001,00AA,City,2002,\"Full-time, Weekly\",{stat},,,x\n");
        var e = await Assert.ThrowsAsync<IndicatorDataException>(() => new MedianWeeklyPayProvider(unknown.Context).GetValuesAsync(new IndicatorRequest(["E09000001"], Year(2002))));
        Assert.Equal((file, 2), (e.File, e.Line));
        Assert.Contains("unknown flag 'x'", e.Message);
    }
}
