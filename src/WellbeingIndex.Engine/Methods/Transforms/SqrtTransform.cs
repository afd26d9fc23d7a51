using System.Globalization;

namespace WellbeingIndex.Engine.Methods.Transforms;

/// <summary>Square root: a milder compression than the log that allows zeros (counts). A value outside the domain is an error naming the area, never a silent NaN.</summary>
public sealed class SqrtTransform : ITransform
{
    private static readonly ParameterSchema Schema = new();

    public string Name => "sqrt";

    public string Description => "Square root: x = √x; x must not be negative.";

    public IEnumerable<ParameterProblem> Validate(MethodSpec spec) => Schema.Validate(spec);

    public void Transform(Span<double> column, MethodSpec spec, ColumnContext context)
    {
        Schema.ThrowIfInvalid(spec, Name, context.IndicatorCode);
        for (var i = 0; i < column.Length; i++)
        {
            var x = column[i];
            if (x < 0)
            {
                throw new IndexComputationException(
                    string.Create(CultureInfo.InvariantCulture, $"sqrt transform of '{context.IndicatorCode}': area '{context.AreaCodeAt(i)}' has {x}; values must be non-negative."));
            }

            column[i] = Math.Sqrt(x);
        }
    }
}
