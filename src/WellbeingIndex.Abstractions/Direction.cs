namespace WellbeingIndex.Abstractions;

/// <summary>Which way is better. Normalisation multiplies by this so higher is always better afterwards.</summary>
public enum Direction
{
    /// <summary>Smaller values are better (for example a poverty rate).</summary>
    LowerIsBetter = -1,

    /// <summary>Larger values are better (for example pay).</summary>
    HigherIsBetter = 1,
}
