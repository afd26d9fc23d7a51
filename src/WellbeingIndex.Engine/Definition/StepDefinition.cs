using WellbeingIndex.Engine.Methods;

namespace WellbeingIndex.Engine.Definition;

/// <summary>One step of the recipe, with the default method for that step.</summary>
/// <param name="Step">One of <see cref="StepNames.Ordered"/>.</param>
/// <param name="Method">The step's default method and parameters.</param>
public sealed record StepDefinition(string Step, MethodSpec Method);
