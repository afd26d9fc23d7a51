using WellbeingIndex.Abstractions;

namespace WellbeingIndex.Engine.Data;

/// <summary>
/// The tidy long format: one row per area, indicator and period (<c>area_code, indicator, period, value</c>, optional
/// <c>area_name</c>, and <c>lower</c>, <c>upper</c>: a value's confidence interval). <see cref="Read"/> takes one period
/// (which one must be said when the file holds several); <see cref="ReadPanel"/> takes every period.
/// </summary>
public static class TidyInput
{
    /// <summary>Reads (and disposes) a tidy table, keeping the rows of <paramref name="period"/> (required when the file holds several).</summary>
    /// <exception cref="InputDataException">A column is missing, the period is absent or ambiguous, or a row is invalid.</exception>
    public static IndicatorData Read(CsvTable table, string? period = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = ReadRows(table);
        var periods = rows.Rows.Select(r => r.Period).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (period is null)
        {
            if (periods.Count > 1)
            {
                throw new InputDataException($"the file holds {periods.Count} periods ({string.Join(", ", periods)}); choose one", table.Source, null, "period");
            }

            period = periods.FirstOrDefault() ?? "";
        }
        else if (!periods.Contains(period))
        {
            throw new InputDataException($"no rows for period '{period}' (periods present: {string.Join(", ", periods)})", table.Source, null, "period");
        }

        return ReadPeriod(rows, table.Source, period).Data;
    }

    /// <summary>Reads (and disposes) every period of the file as a panel (periods as <see cref="ReferencePeriod"/> texts: 2019, 2019/20, 2019-03).</summary>
    /// <exception cref="InputDataException">A column is missing, a period is not a period, periods of several kinds are mixed, or a row is invalid.</exception>
    public static PanelData ReadPanel(CsvTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = ReadRows(table);
        var periods = new Dictionary<string, ReferencePeriod>(StringComparer.Ordinal);
        foreach (var row in rows.Rows)
        {
            if (periods.ContainsKey(row.Period)) continue;
            if (!ReferencePeriod.TryParse(row.Period, out var p))
            {
                throw new InputDataException($"'{row.Period}' is not a period (use 2019, 2019/20, 2019-03 or 2019-03-31)", table.Source, row.Line, "period");
            }

            periods[row.Period] = p;
        }

        if (periods.Count == 0)
        {
            throw new InputDataException("no data rows", table.Source, null, "period");
        }

        if (periods.Values.Select(p => p.Kind).Distinct().Count() > 1)
        {
            throw new InputDataException($"the period column mixes kinds of period ({string.Join(", ", periods.Keys)}); use one", table.Source, null, "period");
        }

        var read = periods.Select(kv => (kv.Value, Read: ReadPeriod(rows, table.Source, kv.Key))).ToList();
        return new PanelData([.. read.Select(r => (r.Value, r.Read.Data))], [.. read.Select(r => r.Read.Intervals)]);
    }

    /// <summary>A number cell read in the one pass over the file; its error is raised only if its period is used.</summary>
    private readonly record struct Cell(double Value, InputDataException? Error)
    {
        public double Get() => Error is null ? Value : throw Error;
    }

    private sealed record Row(int Line, string Area, string Name, string Indicator, string Period, Cell Value, Cell Lower, Cell Upper);

    private sealed record TidyRows(List<Row> Rows, bool HasInterval);

    private static TidyRows ReadRows(CsvTable table)
    {
        using var _ = table;
        var areaCol = table.Require("area_code");
        var indicatorCol = table.Require("indicator");
        var periodCol = table.Require("period");
        var valueCol = table.Require("value");
        var nameCol = table.IndexOf("area_name");
        var lowerCol = table.IndexOf("lower");
        var upperCol = table.IndexOf("upper");
        if ((lowerCol < 0) != (upperCol < 0))
        {
            throw new InputDataException("a confidence interval needs both 'lower' and 'upper' columns", table.Source, 1, lowerCol < 0 ? "lower" : "upper");
        }

        Cell Number(int column, string name)
        {
            try
            {
                return new Cell(table.Number(column, name), null);
            }
            catch (InputDataException e)
            {
                return new Cell(double.NaN, e);
            }
        }

        var rows = new List<Row>();
        while (table.Next())
        {
            rows.Add(new Row(table.Line, table.Text(areaCol), nameCol >= 0 ? table.Text(nameCol) : "", table.Text(indicatorCol), table.Text(periodCol),
                Number(valueCol, "value"),
                lowerCol >= 0 ? Number(lowerCol, "lower") : default,
                upperCol >= 0 ? Number(upperCol, "upper") : default));
        }

        return new TidyRows(rows, lowerCol >= 0);
    }

    private static (IndicatorData Data, IReadOnlyDictionary<string, IntervalColumn> Intervals) ReadPeriod(TidyRows read, string source, string period)
    {
        var areas = new List<string>();
        var names = new List<string>();
        var areaIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var indicators = new List<string>();
        var cells = new Dictionary<(int Area, string Indicator), (double Value, int Line)>();
        var bounds = new Dictionary<(int Area, string Indicator), (double Lower, double Upper)>();
        foreach (var row in read.Rows)
        {
            if (row.Period != period)
            {
                continue;
            }

            var (area, indicator) = (row.Area, row.Indicator);
            if (area.Length == 0 || indicator.Length == 0)
            {
                throw new InputDataException("area_code and indicator must not be empty", source, row.Line);
            }

            if (!areaIndex.TryGetValue(area, out var a))
            {
                a = areas.Count;
                areaIndex[area] = a;
                areas.Add(area);
                names.Add(row.Name.Length > 0 ? row.Name : area);
            }

            if (!indicators.Contains(indicator))
            {
                indicators.Add(indicator);
            }

            var value = row.Value.Get();
            if (read.HasInterval)
            {
                var (lower, upper) = (row.Lower.Get(), row.Upper.Get());
                if (lower > upper)
                {
                    throw new InputDataException(FormattableString.Invariant($"lower {lower} is above upper {upper}"), source, row.Line, "lower");
                }

                bounds[(a, indicator)] = (lower, upper);
            }

            if (!cells.TryAdd((a, indicator), (value, row.Line)))
            {
                throw new InputDataException($"area '{area}', indicator '{indicator}', period '{period}' already appears on line {cells[(a, indicator)].Line}", source, row.Line);
            }
        }

        var columns = indicators.ToDictionary(i => i, _ => Enumerable.Repeat(double.NaN, areas.Count).ToArray(), StringComparer.Ordinal);
        foreach (var ((area, indicator), (value, _)) in cells)
        {
            columns[indicator][area] = value;
        }

        var intervals = new Dictionary<string, IntervalColumn>(StringComparer.Ordinal);
        if (read.HasInterval)
        {
            foreach (var indicator in indicators)
            {
                intervals[indicator] = new IntervalColumn(Enumerable.Repeat(double.NaN, areas.Count).ToArray(), Enumerable.Repeat(double.NaN, areas.Count).ToArray());
            }

            foreach (var ((area, indicator), (lower, upper)) in bounds)
            {
                intervals[indicator].Lower[area] = lower;
                intervals[indicator].Upper[area] = upper;
            }
        }

        return (new IndicatorData(areas, columns, names), intervals);
    }
}
