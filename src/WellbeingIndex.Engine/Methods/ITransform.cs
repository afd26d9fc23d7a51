namespace WellbeingIndex.Engine.Methods;

/// <summary>A per-indicator transform of raw values (log, log10, sqrt, cap), applied before treatment and normalisation.</summary>
public interface ITransform : IMethod
{
    /// <summary>Transforms <paramref name="column"/> in place; NaN stays NaN. Values outside the domain throw <see cref="IndexComputationException"/>.</summary>
    void Transform(Span<double> column, MethodSpec spec, ColumnContext context);
}
