namespace WellbeingIndex.Engine.Definition;

/// <summary>A definition that failed validation; <see cref="Problems"/> lists every problem, not just the first.</summary>
public sealed class DefinitionException : Exception
{
    public DefinitionException(IReadOnlyList<DefinitionProblem> problems)
        : base(problems.Count == 1
            ? $"Invalid index definition: {problems[0]}"
            : $"Invalid index definition ({problems.Count} problems):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems))
    {
        Problems = problems;
    }

    public IReadOnlyList<DefinitionProblem> Problems { get; }
}
