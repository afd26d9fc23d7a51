namespace WellbeingIndex.Abstractions;

/// <summary>The statistical geography an indicator is published for (GSS code prefixes in brackets).</summary>
public enum GeographyLevel
{
    /// <summary>Lower-layer super output area (E01).</summary>
    Lsoa,
    /// <summary>Middle-layer super output area (E02).</summary>
    Msoa,
    /// <summary>Local authority district, unitary authority or London borough (E06, E07, E08, E09).</summary>
    LocalAuthority,
    /// <summary>Region (E12).</summary>
    Region,
    /// <summary>Country (E92).</summary>
    Country,
}
