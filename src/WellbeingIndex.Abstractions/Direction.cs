namespace WellbeingIndex.Abstractions;

/// <summary>Which way is better. Normalisation multiplies by this so higher is always better afterwards.</summary>
public enum Direction
{
    LowerIsBetter = -1,
    HigherIsBetter = 1,
}
