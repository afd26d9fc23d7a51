namespace WellbeingIndex.Engine.Methods;

/// <summary>Fills missing values (NaN) of one indicator in place.</summary>
public interface IImputer : IMethod
{
    /// <returns>How many values were filled.</returns>
    int Impute(Span<double> column, MethodSpec spec, ColumnContext context);
}
