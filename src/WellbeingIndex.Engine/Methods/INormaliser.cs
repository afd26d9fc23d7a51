namespace WellbeingIndex.Engine.Methods;

/// <summary>Brings one indicator onto a common scale where higher is better.</summary>
public interface INormaliser : IMethod
{
    /// <summary>
    /// Writes the normalised <paramref name="values"/> to <paramref name="output"/> (same length). The values are
    /// already multiplied by the indicator's direction; NaN means missing and stays NaN. The two spans may be the
    /// same memory (the pipeline normalises in place), so read everything you need before writing.
    /// </summary>
    void Normalise(ReadOnlySpan<double> values, Span<double> output, MethodSpec spec, ColumnContext context);
}
