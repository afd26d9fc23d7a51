namespace WellbeingIndex.Abstractions;

/// <summary>
/// What an indicator is and where it comes from. Every published value is traced back through these fields, so each
/// must be filled: <see cref="Validate"/> lists the gaps and discovery rejects a provider that has any.
/// </summary>
public sealed record IndicatorMetadata
{
    /// <summary>Stable identifier, lower-case letters, digits and hyphens (for example <c>income-median-weekly-pay</c>).</summary>
    public required string Id { get; init; }
    /// <summary>Human-readable name, as a dashboard labels it.</summary>
    public required string Name { get; init; }
    /// <summary>The domain of wellbeing it speaks to (for example <c>income</c>, <c>housing</c>).</summary>
    public required string Domain { get; init; }
    /// <summary>Unit of the values (for example <c>% of households</c>).</summary>
    public required string Unit { get; init; }
    /// <summary>Whether higher or lower values are better.</summary>
    public required Direction Direction { get; init; }
    /// <summary>The areas the values are published for.</summary>
    public required GeographyLevel Geography { get; init; }
    /// <summary>Who publishes the source (for example <c>Office for National Statistics</c>).</summary>
    public required string Publisher { get; init; }
    /// <summary>The published dataset and table the values come from.</summary>
    public required string Dataset { get; init; }
    /// <summary>Where the dataset is published (absolute http or https).</summary>
    public required Uri Url { get; init; }
    /// <summary>The licence the data is published under (for example <c>Open Government Licence v3.0</c>).</summary>
    public required string Licence { get; init; }
    /// <summary>The kind of period the values refer to.</summary>
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
