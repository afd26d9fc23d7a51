using System.Globalization;

namespace WellbeingIndex.Engine.Methods.Transforms;

/// <summary>The loop shared by the log and log10 transforms: a value outside the domain names its area, never a silent NaN.</summary>
internal static class Logarithm
{
    public static void Apply(Span<double> column, ColumnContext context, string method, bool base10)
    {
        for (var i = 0; i < column.Length; i++)
        {
            var x = column[i];
            if (x <= 0)
            {
                throw new IndexComputationException(
                    string.Create(CultureInfo.InvariantCulture, $"{method} transform of '{context.IndicatorCode}': area '{context.AreaCodeAt(i)}' has {x}; values must be positive."));
            }

            column[i] = base10 ? Math.Log10(x) : Math.Log(x);
        }
    }
}
