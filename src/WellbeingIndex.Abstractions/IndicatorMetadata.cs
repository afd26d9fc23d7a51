namespace WellbeingIndex.Abstractions;

/// <summary>
/// What an indicator is and where it comes from. Every published value is traced back through these fields, so each
/// must be filled: <see cref="Validate"/> lists the gaps and discovery rejects a provider that has any.
/// </summary>
public sealed record IndicatorMetadata
{
    /// <summary>Stable identifier, lower-case letters, digits and hyphens (for example <c>income-median-weekly-pay</c>).</summary>
    public required string Id { get; init; }
    public required string Name { get; init; }
    /// <summary>The domain of wellbeing it speaks to (for example <c>income</c>, <c>housing</c>).</summary>
    public required string Domain { get; init; }
    public required string Unit { get; init; }
    public required Direction Direction { get; init; }
    public required GeographyLevel Geography { get; init; }
    public required string Publisher { get; init; }
    public required string Dataset { get; init; }
    public required Uri Url { get; init; }
    public required string Licence { get; init; }
    public required PeriodKind PeriodKind { get; init; }
    /// <summary>Caveats a user must know (series breaks, modelled estimates).</summary>
    public string? Notes { get; init; }

    /// <summary>Every problem with these fields; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Id) || !Id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.'))
        {
            problems.Add($"Id '{Id}' must be non-empty lower-case letters, digits, '-' or '.'.");
        }

        void Require(string? value, string name)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add($"{name} is required.");
            }
        }

        Require(Name, nameof(Name));
        Require(Domain, nameof(Domain));
        Require(Unit, nameof(Unit));
        Require(Publisher, nameof(Publisher));
        Require(Dataset, nameof(Dataset));
        Require(Licence, nameof(Licence));
        if (Url is null || !Url.IsAbsoluteUri)
        {
            problems.Add("Url must be an absolute URI.");
        }

        if (!Enum.IsDefined(Direction))
        {
            problems.Add($"Direction {(int)Direction} must be HigherIsBetter (+1) or LowerIsBetter (-1).");
        }

        if (!Enum.IsDefined(Geography))
        {
            problems.Add($"Geography {Geography} is not a known level.");
        }

        if (!Enum.IsDefined(PeriodKind))
        {
            problems.Add($"PeriodKind {PeriodKind} is not a known kind.");
        }

        return problems;
    }
}
