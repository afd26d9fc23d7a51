using System.Collections.Immutable;
using WellbeingIndex.Abstractions;

namespace WellbeingIndex.Engine.Data;

/// <summary>
/// The same indicators for areas over several periods (COINr's panel data, a "purse" of one data set per period),
/// oldest first. An area may be absent from some periods. Raw values may carry a confidence interval (lower, upper),
/// so that a change smaller than the noise is not called a change.
/// </summary>
public sealed class PanelData
{
    private readonly ImmutableArray<IndicatorData> _data;
    private readonly ImmutableArray<IReadOnlyDictionary<string, IntervalColumn>> _intervals;

    /// <param name="periods">Each period's data; the periods must be distinct and of one kind (all years, all months...).</param>
    /// <param name="intervals">Optional, per period: indicator code → interval columns aligned with that period's rows.</param>
    /// <exception cref="ArgumentException">No period, a period twice, mixed kinds, or an interval column of the wrong length.</exception>
    public PanelData(IReadOnlyList<(ReferencePeriod Period, IndicatorData Data)> periods,
        IReadOnlyList<IReadOnlyDictionary<string, IntervalColumn>>? intervals = null)
    {
        ArgumentNullException.ThrowIfNull(periods);
        if (periods.Count == 0)
        {
            throw new ArgumentException("A panel needs at least one period.", nameof(periods));
        }

        if (periods.Select(p => p.Period.Kind).Distinct().Count() > 1)
        {
            throw new ArgumentException($"A panel's periods must be of one kind; got {string.Join(", ", periods.Select(p => p.Period))}.", nameof(periods));
        }

        var twice = periods.GroupBy(p => p.Period).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new ArgumentException($"Period {twice.Key} appears twice.", nameof(periods));
        }

        if (intervals is not null && intervals.Count != periods.Count)
        {
            throw new ArgumentException($"{intervals.Count} interval sets for {periods.Count} periods.", nameof(intervals));
        }

        var order = Enumerable.Range(0, periods.Count).OrderBy(i => periods[i].Period).ToArray();
        Periods = [.. order.Select(i => periods[i].Period)];
        _data = [.. order.Select(i => periods[i].Data)];
        _intervals = [.. order.Select(i => intervals?[i] ?? ImmutableDictionary<string, IntervalColumn>.Empty)];
        for (var p = 0; p < _data.Length; p++)
        {
            foreach (var (code, ci) in _intervals[p])
            {
                if (ci.Lower.Length != _data[p].AreaCount || ci.Upper.Length != _data[p].AreaCount)
                {
                    throw new ArgumentException($"Interval of '{code}' at {Periods[p]} has the wrong length.", nameof(intervals));
                }
            }
        }

        AreaCodes = [.. _data.SelectMany(d => d.AreaCodes).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The periods, oldest first.</summary>
    public ImmutableArray<ReferencePeriod> Periods { get; }

    /// <summary>Every area present in some period, in order of first appearance.</summary>
    public ImmutableArray<string> AreaCodes { get; }

    public int PeriodCount => Periods.Length;

    /// <summary>The data of the <paramref name="index"/>-th period (oldest = 0).</summary>
    public IndicatorData this[int index] => _data[index];

    /// <summary>The index of <paramref name="period"/>, or −1.</summary>
    public int IndexOf(ReferencePeriod period) => Periods.IndexOf(period);

    /// <summary>The confidence interval of <paramref name="indicator"/> at the <paramref name="index"/>-th period, if the data carry one.</summary>
    public IntervalColumn? Interval(int index, string indicator) =>
        _intervals[index].TryGetValue(indicator, out var ci) ? ci : null;

    internal IReadOnlyDictionary<string, IntervalColumn> Intervals(int index) => _intervals[index];

    /// <summary>A panel with the same periods and intervals and other data (after imputation over time).</summary>
    internal PanelData WithData(IReadOnlyList<IndicatorData> data) =>
        new([.. Periods.Select((p, i) => (p, data[i]))], [.. _intervals]);

    /// <summary>
    /// The period's position on a time axis in years, for interpolation and growth rates: a calendar or financial year
    /// is its (starting) year, a month year + (month − 1)/12, a day year + (day of year − 1)/days in year.
    /// </summary>
    public static double TimeValue(ReferencePeriod period) => period.Kind switch
    {
        PeriodKind.CalendarYear or PeriodKind.FinancialYear => period.Start.Year,
        PeriodKind.Month => period.Start.Year + (period.Start.Month - 1) / 12.0,
        _ => period.Start.Year + (period.Start.DayOfYear - 1) / (double)period.Start.Calendar.GetDaysInYear(period.Start.Year),
    };
}

/// <summary>Lower and upper bounds of a confidence interval per area (NaN = not published).</summary>
public sealed record IntervalColumn(double[] Lower, double[] Upper);
