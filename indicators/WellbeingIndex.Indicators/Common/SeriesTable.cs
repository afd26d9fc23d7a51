using System.Collections.Frozen;
using WellbeingIndex.Abstractions;

namespace WellbeingIndex.Indicators.Common;

/// <summary>
/// A parsed source: each area's observations in period order. Answers "the latest observation at or before P" per
/// area, which is the selection rule every built-in provider shares.
/// </summary>
public sealed class SeriesTable
{
    private readonly FrozenDictionary<string, Observation[]> _byArea;

    private SeriesTable(FrozenDictionary<string, Observation[]> byArea, IReadOnlyList<ReferencePeriod> periods, string source)
    {
        _byArea = byArea;
        Periods = periods;
        Source = source;
    }

    /// <summary>Every period with at least one row, oldest first.</summary>
    public IReadOnlyList<ReferencePeriod> Periods { get; }

    /// <summary>The file the table came from, for reasons that name it.</summary>
    public string Source { get; }

    public int AreaCount => _byArea.Count;

    /// <summary>
    /// The area's latest row whose period ends on or before the end of <paramref name="period"/>, with that row's own
    /// period. A row the publisher withheld still counts as the latest row: an older number is not silently substituted.
    /// </summary>
    public IndicatorValue Select(string areaCode, ReferencePeriod period)
    {
        if (!_byArea.TryGetValue(areaCode, out var rows))
        {
            return IndicatorValue.Missing(areaCode, ValueStatus.NotAvailable,
                $"area '{areaCode}' is not in {Source} ({_byArea.Count} areas).");
        }

        Observation? chosen = null;
        foreach (var row in rows)
        {
            if (!row.Period.EndsOnOrBefore(period))
            {
                break;
            }

            chosen = row;
        }

        if (chosen is not { } o)
        {
            return IndicatorValue.Missing(areaCode, ValueStatus.NotAvailable,
                $"no value at or before {period} in {Source}; the earliest for '{areaCode}' is {rows[0].Period}.");
        }

        return new IndicatorValue(areaCode, o.Value, o.Period, o.Status, o.Reason) { Interval = o.Interval };
    }

    /// <summary>Collects rows, rejecting a second row for the same area and period with both line numbers.</summary>
    public sealed class Builder(string source, Func<string, int, IndicatorDataException> error)
    {
        private readonly Dictionary<string, List<(Observation Row, int Line)>> _rows = new(StringComparer.Ordinal);

        public void Add(string areaCode, Observation observation, int line)
        {
            if (string.IsNullOrWhiteSpace(areaCode))
            {
                throw error("the area code is blank.", line);
            }

            if (observation.Value is { } v && !double.IsFinite(v))
            {
                throw error($"value {v} for '{areaCode}' is not finite.", line);
            }

            if (!_rows.TryGetValue(areaCode, out var list))
            {
                _rows[areaCode] = list = [];
            }

            foreach (var (row, previous) in list)
            {
                if (row.Period == observation.Period)
                {
                    throw error($"duplicate row: '{areaCode}' {observation.Period} already given on line {previous}.", line);
                }
            }

            list.Add((observation, line));
        }

        public SeriesTable Build()
        {
            var byArea = _rows.ToFrozenDictionary(
                kv => kv.Key, kv => kv.Value.Select(r => r.Row).OrderBy(r => r.Period).ToArray(), StringComparer.Ordinal);
            var periods = byArea.Values.SelectMany(r => r.Select(o => o.Period)).Distinct().Order().ToList();
            return new SeriesTable(byArea, periods, source);
        }
    }
}
