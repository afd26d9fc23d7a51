namespace WellbeingIndex.Engine.Methods;

/// <summary>The step names of a recipe, as written in definitions.</summary>
public static class StepNames
{
    public const string Impute = "impute";
    public const string Treat = "treat";
    public const string Normalise = "normalise";
    public const string Aggregate = "aggregate";
    /// <summary>Not a step of its own: per-indicator transforms run at the start of the treat step (or of normalise).</summary>
    public const string Transform = "transform";

    public static readonly IReadOnlyList<string> Ordered = [Impute, Treat, Normalise, Aggregate];
}
