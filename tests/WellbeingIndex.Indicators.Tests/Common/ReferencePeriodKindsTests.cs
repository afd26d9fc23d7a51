using NodaTime;
using WellbeingIndex.Abstractions;

namespace WellbeingIndex.Indicators.Tests.Common;

/// <summary>The two period kinds added for pooled years (HLE, CVD) and Active Lives survey years (obesity).</summary>
public class ReferencePeriodKindsTests
{
    [Fact]
    public void Pooled_years_run_from_1_January_of_the_first_to_31_December_of_the_last()
    {
        var p = ReferencePeriod.ForCalendarYears(2022, 2024);
        Assert.Equal((PeriodKind.MultiYear, new LocalDate(2022, 1, 1), new LocalDate(2024, 12, 31)), (p.Kind, p.Start, p.End));
        Assert.Equal("2022-2024", p.ToString());
        Assert.Equal(p, ReferencePeriod.Parse("2022-2024"));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReferencePeriod.ForCalendarYears(2024, 2024));
        Assert.False(ReferencePeriod.TryParse("2024-2022", out _));
    }

    [Fact]
    public void Twelve_months_from_a_day_end_the_day_before_its_anniversary()
    {
        var p = ReferencePeriod.ForTwelveMonthsFrom(new LocalDate(2024, 11, 16));
        Assert.Equal((PeriodKind.TwelveMonths, new LocalDate(2024, 11, 16), new LocalDate(2025, 11, 15)), (p.Kind, p.Start, p.End));
        Assert.Equal("2024-11-16/P1Y", p.ToString());
        Assert.Equal(p, ReferencePeriod.Parse("2024-11-16/P1Y"));
        // From 1 January or 1 April it is the calendar or financial year: one period, one label.
        Assert.Equal(ReferencePeriod.ForCalendarYear(2024), ReferencePeriod.ForTwelveMonthsFrom(new LocalDate(2024, 1, 1)));
        Assert.Equal(ReferencePeriod.ForFinancialYear(2024), ReferencePeriod.Parse("2024-04-01/P1Y"));
    }

    [Fact]
    public void Kinds_compare_by_their_last_day()
    {
        // 2022-2024 ends 31 Dec 2024; the 2024/25 financial year 31 Mar 2025; the Active Lives year 15 Nov 2025.
        var pooled = ReferencePeriod.ForCalendarYears(2022, 2024);
        var fy = ReferencePeriod.ForFinancialYear(2024);
        var survey = ReferencePeriod.ForTwelveMonthsFrom(new LocalDate(2024, 11, 16));
        Assert.True(pooled < fy && fy < survey);
        Assert.True(pooled.EndsOnOrBefore(ReferencePeriod.ForCalendarYear(2024)));
        Assert.False(survey.EndsOnOrBefore(ReferencePeriod.ForCalendarYear(2024)));
        // A calendar year and the pooled years ending with it end on the same day; the shorter one (later start) sorts last.
        Assert.True(pooled < ReferencePeriod.ForCalendarYear(2024));
    }
}
