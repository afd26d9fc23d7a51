namespace WellbeingIndex.Abstractions;

/// <summary>How a publisher labels the time a value refers to.</summary>
public enum PeriodKind
{
    /// <summary>A single day, such as a census date or a snapshot of an address register.</summary>
    Date,
    /// <summary>A calendar month.</summary>
    Month,
    /// <summary>A calendar year, January to December.</summary>
    CalendarYear,
    /// <summary>A UK financial year, 1 April to 31 March, labelled by the year it starts in.</summary>
    FinancialYear,
    /// <summary>Several consecutive calendar years pooled into one estimate (ONS and OHID three-year periods), labelled 2020-2022.</summary>
    MultiYear,
    /// <summary>
    /// Twelve months from a day other than 1 January or 1 April (a survey year such as 16 November to 15 November),
    /// labelled by its ISO 8601 interval, 2015-11-16/P1Y.
    /// </summary>
    TwelveMonths,
}
