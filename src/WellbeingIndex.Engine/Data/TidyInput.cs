using WellbeingIndex.Abstractions;

namespace WellbeingIndex.Engine.Data;

/// <summary>
/// The tidy long format: one row per area, indicator and period (<c>area_code, indicator, period, value</c>, optional
/// <c>area_name</c>, and <c>lower</c>, <c>upper</c>: a value's confidence interval). <see cref="Read"/> takes one period
/// (which one must be said when the file holds several); <see cref="ReadPanel"/> takes every period.
/// </summary>
public static class TidyInput
{
    public static IndicatorData Read(CsvTable table, string? period = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var periodCol = table.Require("period");
        var periods = table.Rows.Select(r => r[periodCol].Trim()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
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

        return ReadPeriod(table, period).Data;
    }

    /// <summary>Every period of the file as a panel (periods as <see cref="ReferencePeriod"/> texts: 2019, 2019/20, 2019-03).</summary>
    public static PanelData ReadPanel(CsvTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var periodCol = table.Require("period");
        var periods = new Dictionary<string, ReferencePeriod>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var text = row[periodCol].Trim();
            if (periods.ContainsKey(text)) continue;
            if (!ReferencePeriod.TryParse(text, out var p))
            {
                throw new InputDataException($"'{text}' is not a period (use 2019, 2019/20, 2019-03 or 2019-03-31)", table.Source, row.Line, "period");
            }

            periods[text] = p;
        }

        if (periods.Count == 0)
        {
            throw new InputDataException("no data rows", table.Source, null, "period");
        }

        if (periods.Values.Select(p => p.Kind).Distinct().Count() > 1)
        {
            throw new InputDataException($"the period column mixes kinds of period ({string.Join(", ", periods.Keys)}); use one", table.Source, null, "period");
        }

        var read = periods.Select(kv => (kv.Value, Read: ReadPeriod(table, kv.Key))).ToList();
        return new PanelData([.. read.Select(r => (r.Value, r.Read.Data))], [.. read.Select(r => r.Read.Intervals)]);
    }

    private static (IndicatorData Data, IReadOnlyDictionary<string, ConfidenceInterval> Intervals) ReadPeriod(CsvTable table, string period)
    {
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

        var areas = new List<string>();
        var names = new List<string>();
        var areaIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var indicators = new List<string>();
        var cells = new Dictionary<(int Area, string Indicator), (double Value, int Line)>();
        var bounds = new Dictionary<(int Area, string Indicator), (double Lower, double Upper)>();
        foreach (var row in table.Rows)
        {
            if (row[periodCol].Trim() != period)
            {
                continue;
            }

            var area = row[areaCol].Trim();
            var indicator = row[indicatorCol].Trim();
            if (area.Length == 0 || indicator.Length == 0)
            {
                throw new InputDataException("area_code and indicator must not be empty", table.Source, row.Line);
            }

            if (!areaIndex.TryGetValue(area, out var a))
            {
                a = areas.Count;
                areaIndex[area] = a;
                areas.Add(area);
                names.Add(nameCol >= 0 && row[nameCol].Trim().Length > 0 ? row[nameCol].Trim() : area);
            }

            if (!indicators.Contains(indicator))
            {
                indicators.Add(indicator);
            }

            var value = CellParser.Number(row[valueCol], table.Source, row.Line, "value");
            if (lowerCol >= 0)
            {
                var lower = CellParser.Number(row[lowerCol], table.Source, row.Line, "lower");
                var upper = CellParser.Number(row[upperCol], table.Source, row.Line, "upper");
                if (lower > upper)
                {
                    throw new InputDataException($"lower {row[lowerCol].Trim()} is above upper {row[upperCol].Trim()}", table.Source, row.Line, "lower");
                }

                bounds[(a, indicator)] = (lower, upper);
            }

            if (!cells.TryAdd((a, indicator), (value, row.Line)))
            {
                throw new InputDataException($"area '{area}', indicator '{indicator}', period '{period}' already appears on line {cells[(a, indicator)].Line}", table.Source, row.Line);
            }
        }

        var columns = indicators.ToDictionary(i => i, _ => Enumerable.Repeat(double.NaN, areas.Count).ToArray(), StringComparer.Ordinal);
        foreach (var ((area, indicator), (value, _)) in cells)
        {
            columns[indicator][area] = value;
        }

        var intervals = new Dictionary<string, ConfidenceInterval>(StringComparer.Ordinal);
        if (lowerCol >= 0)
        {
            foreach (var indicator in indicators)
            {
                intervals[indicator] = new ConfidenceInterval(Enumerable.Repeat(double.NaN, areas.Count).ToArray(), Enumerable.Repeat(double.NaN, areas.Count).ToArray());
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
