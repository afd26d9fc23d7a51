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
}
