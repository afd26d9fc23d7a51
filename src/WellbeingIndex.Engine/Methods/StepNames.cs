namespace WellbeingIndex.Engine.Methods;

/// <summary>The step names of a recipe, as written in definitions; <see cref="Ordered"/> is COINr's example build order.</summary>
public static class StepNames
{
    /// <summary>Divides indicators by their iMeta denominator column (COINr <c>Denominate</c>).</summary>
    public const string Denominate = "denominate";
    public const string Impute = "impute";
    /// <summary>Removes units with too little data (COINr <c>Screen</c>).</summary>
    public const string Screen = "screen";
    public const string Treat = "treat";
    public const string Normalise = "normalise";
    public const string Aggregate = "aggregate";
    /// <summary>Not a step of its own: per-indicator transforms run at the start of the treat step (or of normalise).</summary>
    public const string Transform = "transform";

    public static readonly IReadOnlyList<string> Ordered = [Denominate, Impute, Screen, Treat, Normalise, Aggregate];
}
