namespace WellbeingIndex.Engine.Methods.Transforms;

/// <summary>Base-10 logarithm: the same shape as the natural log, in units readers count in (decades). A value outside the domain is an error naming the area, never a silent NaN.</summary>
public sealed class Log10Transform : ITransform
{
    private static readonly ParameterSchema Schema = new();

    public string Name => "log10";

    public string Description => "Common logarithm: x = log₁₀ x; x must be positive.";

    public IEnumerable<ParameterProblem> Validate(MethodSpec spec) => Schema.Validate(spec);

    public void Transform(Span<double> column, MethodSpec spec, ColumnContext context)
    {
        Schema.ThrowIfInvalid(spec, Name, context.IndicatorCode);
        for (var i = 0; i < column.Length; i++)
        {
            var x = column[i];
            if (x <= 0)
            {
                throw new IndexComputationException(
                    $"log10 transform of '{context.IndicatorCode}': area '{AreaCode(context, i)}' has {x}; values must be positive.");
            }

            column[i] = Math.Log10(x);
        }
    }

    private static string AreaCode(ColumnContext context, int row) => row < context.AreaCodes.Count ? context.AreaCodes[row] : $"#{row + 1}";
}
