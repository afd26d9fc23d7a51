using System.Globalization;
using NodaTime;

namespace WellbeingIndex.Abstractions;

/// <summary>
/// The period a published value refers to. Publishers mix days, months, calendar and financial years; keeping the kind
/// lets "latest value at or before P" compare periods of different kinds by their last day, without pretending that a
/// financial year is a calendar year.
/// </summary>
public readonly struct ReferencePeriod : IEquatable<ReferencePeriod>, IComparable<ReferencePeriod>
{
    private ReferencePeriod(PeriodKind kind, LocalDate start, LocalDate end)
    {
        Kind = kind;
        Start = start;
        End = end;
    }

    /// <summary>Day, month, calendar year or financial year.</summary>
    public PeriodKind Kind { get; }

    /// <summary>First day of the period (inclusive).</summary>
    public LocalDate Start { get; }

    /// <summary>Last day of the period (inclusive).</summary>
    public LocalDate End { get; }

    /// <summary>The single day <paramref name="date"/>.</summary>
    public static ReferencePeriod ForDate(LocalDate date) => new(PeriodKind.Date, date, date);

    /// <summary>The whole of <paramref name="month"/>.</summary>
    public static ReferencePeriod ForMonth(YearMonth month) =>
        new(PeriodKind.Month, month.OnDayOfMonth(1), month.OnDayOfMonth(month.Calendar.GetDaysInMonth(month.Year, month.Month)));

    /// <summary>1 January to 31 December of <paramref name="year"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1800–9998.</exception>
    public static ReferencePeriod ForCalendarYear(int year)
    {
        CheckYear(year);
        return new(PeriodKind.CalendarYear, new LocalDate(year, 1, 1), new LocalDate(year, 12, 31));
    }

    /// <summary>The financial year that starts on 1 April of <paramref name="startYear"/>.</summary>
    public static ReferencePeriod ForFinancialYear(int startYear)
    {
        CheckYear(startYear);
        return new(PeriodKind.FinancialYear, new LocalDate(startYear, 4, 1), new LocalDate(startYear + 1, 3, 31));
    }

    /// <summary>The calendar years <paramref name="firstYear"/> to <paramref name="lastYear"/> pooled (for example 2020-2022).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A year is outside 1800-9998, or the last is not after the first.</exception>
    public static ReferencePeriod ForCalendarYears(int firstYear, int lastYear)
    {
        CheckYear(firstYear);
        CheckYear(lastYear);
        if (lastYear <= firstYear)
        {
            throw new ArgumentOutOfRangeException(nameof(lastYear), lastYear, "The last year must be after the first (one year is ForCalendarYear).");
        }

        return new(PeriodKind.MultiYear, new LocalDate(firstYear, 1, 1), new LocalDate(lastYear, 12, 31));
    }

    /// <summary>
    /// Twelve months from <paramref name="start"/> (to the day before its anniversary). A start on 1 January or 1 April
    /// gives the calendar or financial year, so one period has one label.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1800-9998.</exception>
    public static ReferencePeriod ForTwelveMonthsFrom(LocalDate start)
    {
        CheckYear(start.Year);
        return (start.Month, start.Day) switch
        {
            (1, 1) => ForCalendarYear(start.Year),
            (4, 1) => ForFinancialYear(start.Year),
            _ => new(PeriodKind.TwelveMonths, start, start.PlusYears(1).PlusDays(-1)),
        };
    }

    /// <summary>True when this period ends on or before the last day of <paramref name="other"/>.</summary>
    public bool EndsOnOrBefore(ReferencePeriod other) => End <= other.End;

    /// <summary>
    /// Parses the canonical text form: <c>2019</c> (calendar year), <c>2019/20</c> (financial year),
    /// <c>2019-03</c> (month), <c>2019-03-31</c> (day), <c>2020-2022</c> (pooled years), <c>2015-11-16/P1Y</c> (twelve months from a day).
    /// </summary>
    public static ReferencePeriod Parse(string text) =>
        TryParse(text, out var period)
            ? period
            : throw new FormatException(
                $"'{text}' is not a period: use 2019, 2019/20 (financial year), 2019-03 (month), 2019-03-31 (day), 2020-2022 (pooled years) or 2015-11-16/P1Y (twelve months from a day).");

    /// <summary>Like <see cref="Parse"/>, false instead of throwing.</summary>
    public static bool TryParse(string? text, out ReferencePeriod period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        var inv = CultureInfo.InvariantCulture;
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, inv, out var year) && year is >= 1800 and <= 9998)
        {
            period = ForCalendarYear(year);
            return true;
        }

        if (text.Length == 7 && text[4] == '/' && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, inv, out var fy)
            && int.TryParse(text.AsSpan(5, 2), NumberStyles.None, inv, out var next) && (fy + 1) % 100 == next
            && fy is >= 1800 and <= 9998)
        {
            period = ForFinancialYear(fy);
            return true;
        }

        if (text.Length == 7 && text[4] == '-' && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, inv, out var y)
            && int.TryParse(text.AsSpan(5, 2), NumberStyles.None, inv, out var m) && m is >= 1 and <= 12 && y is >= 1800 and <= 9998)
        {
            period = ForMonth(new YearMonth(y, m));
            return true;
        }

        if (text.Length == 10 && DateTime.TryParseExact(text, "yyyy-MM-dd", inv, DateTimeStyles.None, out var d))
        {
            period = ForDate(LocalDate.FromDateTime(d));
            return true;
        }

        if (text.Length == 9 && text[4] == '-' && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, inv, out var first)
            && int.TryParse(text.AsSpan(5, 4), NumberStyles.None, inv, out var last) && first is >= 1800 and <= 9998
            && last > first && last <= 9998)
        {
            period = ForCalendarYears(first, last);
            return true;
        }

        if (text.Length == 14 && text.EndsWith("/P1Y", StringComparison.Ordinal)
            && DateTime.TryParseExact(text.AsSpan(0, 10), "yyyy-MM-dd", inv, DateTimeStyles.None, out var from) && from.Year is >= 1800 and <= 9997)
        {
            period = ForTwelveMonthsFrom(LocalDate.FromDateTime(from));
            return true;
        }

        return false;
    }

    /// <summary>The canonical text form that <see cref="Parse"/> reads back.</summary>
    public override string ToString() => Kind switch
    {
        PeriodKind.CalendarYear => Start.Year.ToString("D4", CultureInfo.InvariantCulture),
        PeriodKind.FinancialYear => string.Create(CultureInfo.InvariantCulture, $"{Start.Year:D4}/{(Start.Year + 1) % 100:D2}"),
        PeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"{Start.Year:D4}-{Start.Month:D2}"),
        PeriodKind.MultiYear => string.Create(CultureInfo.InvariantCulture, $"{Start.Year:D4}-{End.Year:D4}"),
        PeriodKind.TwelveMonths => Start.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) + "/P1Y",
        _ => Start.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>Same kind, first day and last day.</summary>
    public bool Equals(ReferencePeriod other) => Kind == other.Kind && Start == other.Start && End == other.End;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ReferencePeriod other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Start, End);

    /// <summary>Orders by last day, then first day: the order "latest at or before" needs.</summary>
    public int CompareTo(ReferencePeriod other)
    {
        var byEnd = End.CompareTo(other.End);
        return byEnd != 0 ? byEnd : Start.CompareTo(other.Start);
    }

    /// <summary>Equality as <see cref="Equals(ReferencePeriod)"/>.</summary>
    public static bool operator ==(ReferencePeriod left, ReferencePeriod right) => left.Equals(right);

    /// <summary>Inequality as <see cref="Equals(ReferencePeriod)"/>.</summary>
    public static bool operator !=(ReferencePeriod left, ReferencePeriod right) => !left.Equals(right);

    /// <summary>Order as <see cref="CompareTo"/>.</summary>
    public static bool operator <(ReferencePeriod left, ReferencePeriod right) => left.CompareTo(right) < 0;

    /// <summary>Order as <see cref="CompareTo"/>.</summary>
    public static bool operator >(ReferencePeriod left, ReferencePeriod right) => left.CompareTo(right) > 0;

    /// <summary>Order as <see cref="CompareTo"/>.</summary>
    public static bool operator <=(ReferencePeriod left, ReferencePeriod right) => left.CompareTo(right) <= 0;

    /// <summary>Order as <see cref="CompareTo"/>.</summary>
    public static bool operator >=(ReferencePeriod left, ReferencePeriod right) => left.CompareTo(right) >= 0;

    private static void CheckYear(int year)
    {
        if (year is < 1800 or > 9998)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "Year must be between 1800 and 9998.");
        }
    }
}
