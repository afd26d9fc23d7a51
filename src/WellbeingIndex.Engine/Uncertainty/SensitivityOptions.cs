namespace WellbeingIndex.Engine.Uncertainty;

/// <summary>
/// A sensitivity analysis: the uncertain inputs, the number of runs and whether to estimate Sobol indices. Without
/// <see cref="Sobol"/>, <see cref="Runs"/> random draws give each area's rank interval (COINr's <c>SA_type = "UA"</c>);
/// with it, a Saltelli design of N = <see cref="Runs"/> needs N·(d + 2) runs for d inputs and adds first-order and
/// total indices of the mean absolute rank shift (<c>SA_type = "SA"</c>).
/// </summary>
public sealed record SensitivityOptions
{
    public required IReadOnlyList<UncertainInput> Inputs { get; init; }

    public int Runs { get; init; } = 200;

    public bool Sobol { get; init; }

    /// <summary>Bootstrap resamples for the Sobol indices' intervals.</summary>
    public int Bootstrap { get; init; } = 1000;

    public int Seed { get; init; } = 20261122;

    /// <summary>Every problem with these options, one sentence each.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Inputs is null || Inputs.Count == 0)
        {
            problems.Add("give at least one uncertain input.");
        }

        if (Runs is < 2 or > 100_000)
        {
            problems.Add($"runs must be between 2 and 100000, got {Runs}.");
        }

        if (Bootstrap is < 0 or > 100_000)
        {
            problems.Add($"bootstrap must be between 0 and 100000, got {Bootstrap}.");
        }

        if (Inputs is not null && Inputs.Select(i => i.Name).Distinct(StringComparer.Ordinal).Count() != Inputs.Count)
        {
            problems.Add("an uncertain input is given twice.");
        }

        return problems;
    }
}
