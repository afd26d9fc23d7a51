namespace WellbeingIndex.Engine.Methods.Treatment;

/// <summary>Leaves the values as they are, still recording an outcome so the run log lists every indicator.</summary>
public sealed class NoTreatment : ITreatment
{
    private static readonly ParameterSchema Schema = new();

    public string Name => "none";

    public string Description => "No treatment: values unchanged.";

    public IEnumerable<ParameterProblem> Validate(MethodSpec spec) => Schema.Validate(spec);

    public TreatmentOutcome Treat(Span<double> column, MethodSpec spec, ColumnContext context)
    {
        Schema.ThrowIfInvalid(spec, Name, context.IndicatorCode);
        return TreatmentOutcome.Untouched(context.IndicatorCode, Name, "no treatment requested.");
    }
}
