using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Health;
using static WellbeingIndex.Indicators.Tests.TestData;

namespace WellbeingIndex.Indicators.Tests.Health;

/// <summary>Healthy life expectancy, preventable CVD mortality and adult obesity against their files.</summary>
public class HealthProviderTests
{
    private static readonly ReferencePeriod P2022To2024 = ReferencePeriod.ForCalendarYears(2022, 2024);

    [Fact]
    public async Task Healthy_life_expectancy_reads_three_year_periods()
    {
        // ons_healthy_life_expectancy_la_2011_2024.csv line 4288:
        // E09000033,Westminster,Local Authority District,2022-2024,2022-01-01/P3Y,hle_at_birth_male_years,60.5,yrs,54.1,66.8,,
        var male = await ValueAsync(new HealthyLifeExpectancyMaleProvider(Context), "E09000033", Year(2024));
        Assert.Equal(new IndicatorValue("E09000033", 60.5, P2022To2024, ValueStatus.Ok) { Interval = new(54.1, 66.8) }, male);
        Assert.Equal("2022-2024", male.Period.ToString());
        // line 1561: E09000033,Westminster,...,2022-2024,2022-01-01/P3Y,hle_at_birth_female_years,59.8,yrs,52.5,67.1,,
        Assert.Equal(59.8, (await ValueAsync(new HealthyLifeExpectancyFemaleProvider(Context), "E09000033", Year(2024))).Value);
        // 2023 ends before 2022-2024 does: the answer is 2021-2023.
        Assert.Equal(ReferencePeriod.ForCalendarYears(2021, 2023), (await ValueAsync(new HealthyLifeExpectancyMaleProvider(Context), "E09000033", Year(2023))).Period);
        Assert.Equal(Enumerable.Range(2011, 12).Select(y => ReferencePeriod.ForCalendarYears(y, y + 2)),
            await new HealthyLifeExpectancyFemaleProvider(Context).GetAvailablePeriodsAsync());
    }

    [Fact]
    public async Task Healthy_life_expectancy_for_Hackney_says_it_includes_the_City_and_the_City_gets_none()
    {
        // line 4036: E09000012,Hackney,Local Authority District,2022-2024,2022-01-01/P3Y,hle_at_birth_male_years,59.3,yrs,53.8,64.7,,
        // ONS publishes Hackney and City of London as one unit; the file has no E09000001 row.
        var provider = new HealthyLifeExpectancyMaleProvider(Context);
        var hackney = await ValueAsync(provider, "E09000012", P2022To2024);
        Assert.Equal((59.3, ValueStatus.Ok, P2022To2024), (hackney.Value, hackney.Status, hackney.Period));
        Assert.Equal("ONS publishes Hackney and City of London as one unit (E09000012): this value is for the two combined.", hackney.Reason);
        var city = await ValueAsync(provider, "E09000001", P2022To2024);
        Assert.Equal((null, ValueStatus.NotAvailable, P2022To2024), (city.Value, city.Status, city.Period));
        Assert.Equal("ONS publishes City of London only combined with Hackney (E09000012, 59.3 for the two); the combined value is not assigned to City of London alone.", city.Reason);
        // line 589: E06000052,Cornwall,...,2022-2024,2022-01-01/P3Y,hle_at_birth_female_years,60.0,yrs,56.5,63.5,, (includes Isles of Scilly)
        var cornwall = await ValueAsync(new HealthyLifeExpectancyFemaleProvider(Context), "E06000052", P2022To2024);
        Assert.Equal(60.0, cornwall.Value);
        Assert.Contains("Cornwall and Isles of Scilly as one unit", cornwall.Reason);
    }

    [Fact]
    public async Task Preventable_cvd_mortality_gives_the_combined_unit_to_Hackney_with_provenance_and_not_to_the_City()
    {
        var provider = new PreventableCvdMortalityProvider(Context);
        // ohid_preventable_cvd_mortality_u75_la_2001_2024.csv line 7107: E67000001,"City of London, Hackney",Local Authority District,
        //   2022-2024,2022-01-01/P3Y,preventable_cvd_mortality_u75_dsr_per_100k,41.2507030136426,...,35.2263793683274,47.978189544069394,
        //   value_for_hackney_and_city_of_london_combined,
        const string reason = "OHID publishes Hackney and City of London as one unit (E67000001 \"City of London, Hackney\"): this value is for the two combined.";
        var expected = new IndicatorValue("E09000012", 41.2507030136426, P2022To2024, ValueStatus.Ok, reason)
        {
            Interval = new(35.2263793683274, 47.978189544069394),
        };
        Assert.Equal(expected, await ValueAsync(provider, "E09000012", Year(2024)));
        Assert.Equal(expected with { AreaCode = "E67000001" }, await ValueAsync(provider, "E67000001", Year(2024)));
        var city = await ValueAsync(provider, "E09000001", Year(2024));
        Assert.Equal((null, ValueStatus.NotAvailable), (city.Value, city.Status));
        Assert.StartsWith("OHID publishes City of London only combined with Hackney (E67000001 \"City of London, Hackney\", 41.2507030136426 for the two)", city.Reason);
        // line 6425: E09000033,Westminster,...,2022-2024,2022-01-01/P3Y,preventable_cvd_mortality_u75_dsr_per_100k,23.744954022087803,...
        Assert.Equal(23.744954022087803, (await ValueAsync(provider, "E09000033", Year(2024))).Value);
        // line 6404: E09000033,Westminster,...,2001-2003,2001-01-01/P3Y,...,53.43264,... the first period; 2002 is before its end.
        Assert.Equal(53.43264, (await ValueAsync(provider, "E09000033", Year(2003))).Value);
        Assert.Contains("the earliest for 'E09000033' is 2001-2003", (await ValueAsync(provider, "E09000033", Year(2002))).Reason);
        Assert.Equal(Direction.LowerIsBetter, provider.Metadata.Direction);
    }

    [Fact]
    public async Task Adult_obesity_reads_mid_November_survey_years()
    {
        var provider = new AdultObesityProvider(Context);
        var survey = ReferencePeriod.ForTwelveMonthsFrom(new NodaTime.LocalDate(2024, 11, 16));
        // ohid_adult_obesity_prevalence_la_2015_2025.csv line 3080:
        // E09000033,Westminster,...,2024-11-16/P1Y,2024-11-16/P1Y,adult_obesity_prevalence_pct,20.28317,%,16.5,24.5,,
        var v = await ValueAsync(provider, "E09000033", survey);
        Assert.Equal(new IndicatorValue("E09000033", 20.28317, survey, ValueStatus.Ok) { Interval = new(16.5, 24.5) }, v);
        Assert.Equal(new NodaTime.LocalDate(2025, 11, 15), v.Period!.Value.End);
        Assert.Equal("2024-11-16/P1Y", v.Period.ToString());
        // Calendar 2025 ends 31 December 2025, after 15 November 2025: the 2024/25 survey year is its latest.
        Assert.Equal(survey, (await ValueAsync(provider, "E09000033", Year(2025))).Period);
        // line 2760: E09000001,City of London,...,2024-11-16/P1Y,...,15.35719,%,11.15242,19.7026,,
        Assert.Equal(15.35719, (await ValueAsync(provider, "E09000001", survey)).Value);
        Assert.Equal(10, (await provider.GetAvailablePeriodsAsync()).Count);
    }
}
