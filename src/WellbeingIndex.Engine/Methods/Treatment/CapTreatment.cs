using System.Globalization;

namespace WellbeingIndex.Engine.Methods.Treatment;

/// <summary>Clips raw values to fixed bounds (<c>lower</c> and/or <c>upper</c>), counting the points moved at each end.</summary>
public sealed class CapTreatment : ITreatment
{
    private static readonly ParameterSchema Schema = new(MethodParameter.Number("lower"), MethodParameter.Number("upper"));

    public string Name => "cap";

    public string Description => "Cap: x = min(max(x, lower), upper) with either bound optional.";

    public IEnumerable<ParameterProblem> Validate(MethodSpec spec) => Schema.Validate(spec).Concat(Bounds.Check(spec));

    public TreatmentOutcome Treat(Span<double> column, MethodSpec spec, ColumnContext context)
    {
        Schema.ThrowIfInvalid(spec, Name, context.IndicatorCode, Bounds.Check(spec));
        var (low, high) = Bounds.Clip(column, spec);
        return new TreatmentOutcome(context.IndicatorCode, Name, low, high, false,
            string.Create(CultureInfo.InvariantCulture, $"clipped to [{spec.NumberOrNull("lower")?.ToString("R", CultureInfo.InvariantCulture) ?? "−∞"}, {spec.NumberOrNull("upper")?.ToString("R", CultureInfo.InvariantCulture) ?? "∞"}]: {low} low, {high} high."));
    }
}
