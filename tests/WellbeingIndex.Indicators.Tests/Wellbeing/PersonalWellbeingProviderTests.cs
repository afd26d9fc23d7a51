using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Wellbeing;
using static WellbeingIndex.Indicators.Tests.TestData;

namespace WellbeingIndex.Indicators.Tests.Wellbeing;

/// <summary>The four ONS personal well-being providers against ons_aps_personal_wellbeing_la_2011_2023.csv.gz.</summary>
public class PersonalWellbeingProviderTests
{
    private static readonly ReferencePeriod Fy2022 = ReferencePeriod.ForFinancialYear(2022);

    public static TheoryData<string, string, double, double, double> Rows => new()
    {
        // line 13513: E09000012,Hackney,Local Authority District,2022/23,2022-04-01/P1Y,life_satisfaction,7.14,Score out of 10,6.78,7.51,,
        { "wellbeing-life-satisfaction", "E09000012", 7.14, 6.78, 7.51 },
        // line 13765: E09000033,Westminster,...,2022/23,2022-04-01/P1Y,life_satisfaction,7,Score out of 10,6.66,7.34,,
        { "wellbeing-life-satisfaction", "E09000033", 7, 6.66, 7.34 },
        // line 18541: E09000012,Hackney,...,2022/23,2022-04-01/P1Y,worthwhile,7.35,Score out of 10,7.02,7.67,,
        { "wellbeing-worthwhile", "E09000012", 7.35, 7.02, 7.67 },
        // line 8737: E09000033,Westminster,...,2022/23,2022-04-01/P1Y,happiness,7.01,Score out of 10,6.58,7.45,,
        { "wellbeing-happiness", "E09000033", 7.01, 6.58, 7.45 },
        // line 3709: E09000033,Westminster,...,2022/23,2022-04-01/P1Y,anxiety,3.73,Score out of 10,3.27,4.18,,
        { "wellbeing-anxiety", "E09000033", 3.73, 3.27, 4.18 },
    };

    private static IIndicatorProvider Provider(string id) => id switch
    {
        "wellbeing-life-satisfaction" => new LifeSatisfactionProvider(Context),
        "wellbeing-worthwhile" => new WorthwhileProvider(Context),
        "wellbeing-happiness" => new HappinessProvider(Context),
        _ => new AnxietyProvider(Context),
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Reads_the_mean_score_and_its_95_percent_interval(string id, string area, double mean, double lower, double upper)
    {
        var v = await ValueAsync(Provider(id), area, Fy2022);
        Assert.Equal(new IndicatorValue(area, mean, Fy2022, ValueStatus.Ok) { Interval = new ConfidenceInterval(lower, upper) }, v);
        Assert.Equal("2022/23", v.Period.ToString());
    }

    [Fact]
    public async Task City_of_London_u_is_suppressed_in_every_year()
    {
        // line 13381: E09000001,City of London,...,2022/23,2022-04-01/P1Y,life_satisfaction,,Score out of 10,,,u_suppressed_low_reliability,
        var v = await ValueAsync(new LifeSatisfactionProvider(Context), "E09000001", Fy2022);
        Assert.Equal(new IndicatorValue("E09000001", null, Fy2022, ValueStatus.Suppressed,
            "ONS: estimate withheld as unreliable ('u', sample too small)."), v);
        // The 'u' row is the latest row: a later request is not answered from an older year.
        Assert.Equal(ValueStatus.Suppressed, (await ValueAsync(new AnxietyProvider(Context), "E09000001", Year(2025))).Status);
    }

    [Fact]
    public async Task X_is_not_available_with_its_period()
    {
        // line 590: E06000053,Isles of Scilly,...,2011/12,2011-04-01/P1Y,anxiety,,Score out of 10,,,x_not_available,
        var fy2011 = ReferencePeriod.ForFinancialYear(2011);
        var v = await ValueAsync(new AnxietyProvider(Context), "E06000053", fy2011);
        Assert.Equal(new IndicatorValue("E06000053", null, fy2011, ValueStatus.NotAvailable, "ONS: not available for this area and period ('x')."), v);
    }

    [Fact]
    public async Task A_calendar_year_request_takes_the_financial_year_ending_in_it_and_the_mode_change_is_in_the_notes()
    {
        // 2022/23 ends 31 March 2023, on or before 31 December 2023; 2023/24 is not in the file. So 2023 → 2022/23 (line 13513).
        var v = await ValueAsync(new LifeSatisfactionProvider(Context), "E09000012", Year(2023));
        Assert.Equal((7.14, Fy2022), (v.Value, v.Period));
        // Asking for 2022 gets 2021/22 (ends 31 March 2022), not 2022/23 (ends 31 March 2023).
        Assert.Equal(ReferencePeriod.ForFinancialYear(2021), (await ValueAsync(new LifeSatisfactionProvider(Context), "E09000012", Year(2022))).Period);
        Assert.Contains("2020/21", new LifeSatisfactionProvider(Context).Metadata.Notes);
        Assert.Contains("telephone", new LifeSatisfactionProvider(Context).Metadata.Notes);
    }

    [Fact]
    public async Task Anxiety_is_lower_is_better_and_all_cover_2011_12_to_2022_23()
    {
        Assert.Equal(Direction.LowerIsBetter, new AnxietyProvider(Context).Metadata.Direction);
        Assert.Equal(Direction.HigherIsBetter, new HappinessProvider(Context).Metadata.Direction);
        Assert.Equal(Enumerable.Range(2011, 12).Select(ReferencePeriod.ForFinancialYear), await new WorthwhileProvider(Context).GetAvailablePeriodsAsync());
    }
}
