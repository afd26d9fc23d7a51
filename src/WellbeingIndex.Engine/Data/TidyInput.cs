namespace WellbeingIndex.Engine.Data;

/// <summary>
/// The tidy long format: one row per area, indicator and period (<c>area_code, indicator, period, value</c>, optional
/// <c>area_name</c>). One period is computed at a time; which one must be said when the file holds several.
/// </summary>
public static class TidyInput
{
    /// <summary>Reads (and disposes) a tidy table, keeping the rows of <paramref name="period"/> (required when the file holds several).</summary>
    /// <exception cref="InputDataException">A column is missing, the period is absent or ambiguous, or a row is invalid.</exception>
    public static IndicatorData Read(CsvTable table, string? period = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var _ = table;
        var areaCol = table.Require("area_code");
        var indicatorCol = table.Require("indicator");
        var periodCol = table.Require("period");
        var valueCol = table.Require("value");
        var nameCol = table.IndexOf("area_name");

        var rows = new List<(int Line, string Area, string Name, string Indicator, string Period, double Value, InputDataException? Error)>();
        while (table.Next())
        {
            double value;
            InputDataException? error = null;
            try
            {
                value = table.Number(valueCol, "value");
            }
            catch (InputDataException e)
            {
                // Only the chosen period's cells must be numbers.
                (value, error) = (double.NaN, e);
            }

            rows.Add((table.Line, table.Text(areaCol), nameCol >= 0 ? table.Text(nameCol) : "", table.Text(indicatorCol), table.Text(periodCol), value, error));
        }

        var periods = rows.Select(r => r.Period).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
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

        var areas = new List<string>();
        var names = new List<string>();
        var areaIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var indicators = new List<string>();
        var cells = new Dictionary<(int Area, string Indicator), (double Value, int Line)>();
        foreach (var row in rows)
        {
            if (row.Period != period)
            {
                continue;
            }

            var (area, indicator) = (row.Area, row.Indicator);
            if (area.Length == 0 || indicator.Length == 0)
            {
                throw new InputDataException("area_code and indicator must not be empty", table.Source, row.Line);
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

            var value = row.Error is null ? row.Value : throw row.Error;
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

        return new IndicatorData(areas, columns, names);
    }
}
