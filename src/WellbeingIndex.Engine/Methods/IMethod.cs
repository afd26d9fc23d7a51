namespace WellbeingIndex.Engine.Methods;

/// <summary>
/// A named method of one pipeline step. Implementations are plug-in points: a public class with a public
/// parameterless constructor is found by <see cref="MethodRegistry"/>, so adding a method touches no pipeline code.
/// Implementations must be stateless and thread-safe: the pipeline runs columns in parallel.
/// </summary>
public interface IMethod
{
    /// <summary>The name used in definitions and on the command line (lower case, for example <c>minmax</c>).</summary>
    string Name { get; }

    /// <summary>One line for listings and docs, including the formula.</summary>
    string Description { get; }

    /// <summary>Every problem with <paramref name="spec"/>'s parameters (unknown names, out of range, wrong type).</summary>
    IEnumerable<ParameterProblem> Validate(MethodSpec spec);
}

/// <summary>A problem with one parameter (<see cref="Parameter"/> null when it concerns the method as a whole).</summary>
public sealed record ParameterProblem(string? Parameter, string Message);
