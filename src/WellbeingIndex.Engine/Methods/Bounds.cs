using System.Globalization;

namespace WellbeingIndex.Engine.Methods;

/// <summary>The <c>lower</c>/<c>upper</c> clipping shared by the cap transform and the cap treatment.</summary>
internal static class Bounds
{
    public static IEnumerable<ParameterProblem> Check(MethodSpec spec)
    {
        var lower = spec.NumberOrNull("lower");
        var upper = spec.NumberOrNull("upper");
        if (lower is null && upper is null)
        {
            yield return new ParameterProblem(null, $"Method '{spec.Method}' needs 'lower', 'upper' or both.");
        }
        else if (lower > upper)
        {
            yield return new ParameterProblem("upper", string.Create(CultureInfo.InvariantCulture, $"'upper' must not be below 'lower' (lower = {lower}, upper = {upper})."));
        }
    }

    /// <returns>How many values were raised to <c>lower</c> and lowered to <c>upper</c>.</returns>
    public static (int Low, int High) Clip(Span<double> column, MethodSpec spec)
    {
        var lower = spec.Number("lower", double.NegativeInfinity);
        var upper = spec.Number("upper", double.PositiveInfinity);
        int low = 0, high = 0;
        for (var i = 0; i < column.Length; i++)
        {
            var x = column[i];
            if (x < lower)
            {
                column[i] = lower;
                low++;
            }
            else if (x > upper)
            {
                column[i] = upper;
                high++;
            }
        }

        return (low, high);
    }
}
