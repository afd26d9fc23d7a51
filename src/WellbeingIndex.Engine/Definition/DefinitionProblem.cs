namespace WellbeingIndex.Engine.Definition;

/// <summary>One thing wrong with a definition, at its JSON path (for example <c>$.nodes[3].weight</c>).</summary>
public sealed record DefinitionProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
