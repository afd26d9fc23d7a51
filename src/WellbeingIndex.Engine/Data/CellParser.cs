using System.Globalization;

namespace WellbeingIndex.Engine.Data;

/// <summary>Reads numeric cells the way analysts' CSV exports write them: empty or NA means missing, anything else must be a number.</summary>
internal static class CellParser
{
    public static double Number(string cell, string source, int line, string column)
    {
        var text = cell.Trim();
        if (text.Length == 0 || text is "NA" or "NaN" or "na" or "n/a" or "N/A" or "..")
        {
            return double.NaN;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        throw new InputDataException($"'{cell}' is not a number (leave the cell empty for a missing value)", source, line, column);
    }
}
