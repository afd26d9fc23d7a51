namespace WellbeingIndex.Providers;

/// <summary>The places small areas roll up to.</summary>
public enum PlaceLevel
{
    /// <summary>Local authority districts (2024 codes for 2021 LSOAs).</summary>
    LocalAuthority,
    /// <summary>The nine English regions.</summary>
    Region,
    /// <summary>England as a whole.</summary>
    England,
}
