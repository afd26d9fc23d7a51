namespace WellbeingIndex.Engine.Pipeline;

/// <summary>
/// The denominate step, as COINr's <c>Denominate()</c> (R/denominate.R, scale factor 1): an indicator with a
/// denominator is divided, unit by unit, by that data column. A missing denominator gives a missing value, and so does
/// a zero one (R would give ±Inf, which no output may hold).
/// </summary>
public static class Denomination
{
    /// <summary>Divides <paramref name="column"/> in place by <paramref name="denominator"/>.</summary>
    public static void Apply(Span<double> column, ReadOnlySpan<double> denominator)
    {
        if (column.Length != denominator.Length)
        {
            throw new ArgumentException($"{column.Length} values for {denominator.Length} denominators.", nameof(denominator));
        }

        for (var i = 0; i < column.Length; i++)
        {
            var d = denominator[i];
            column[i] = d == 0 || double.IsNaN(d) ? double.NaN : column[i] / d;
        }
    }
}
