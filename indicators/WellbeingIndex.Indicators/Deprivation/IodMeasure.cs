namespace WellbeingIndex.Indicators.Deprivation;

/// <summary>Which published IoD figure a provider gives.</summary>
public enum IodMeasure
{
    /// <summary>The domain score (higher = more deprived).</summary>
    Score,
    /// <summary>The rank of the score among 33,755 LSOAs, 1 = most deprived.</summary>
    Rank,
    /// <summary>The decile of the rank, 1 = most deprived tenth.</summary>
    Decile,
}
