using WellbeingIndex.Providers;

namespace WellbeingIndex.Publication;

/// <summary>The spellings of <see cref="PlaceLevel"/> in tables, routes and the CLI: <c>la</c>, <c>region</c>, <c>england</c>.</summary>
public static class PlaceLevels
{
    /// <summary>Every level, in the order the spellings are listed.</summary>
    public static IReadOnlyList<PlaceLevel> All { get; } = [PlaceLevel.LocalAuthority, PlaceLevel.Region, PlaceLevel.England];

    /// <summary>The spelling of <paramref name="level"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined level.</exception>
    public static string Name(PlaceLevel level) => level switch
    {
        PlaceLevel.LocalAuthority => "la",
        PlaceLevel.Region => "region",
        PlaceLevel.England => "england",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Not a place level."),
    };

    /// <summary>The level spelled <paramref name="name"/> (exactly, lower case); false when there is none.</summary>
    public static bool TryParse(string? name, out PlaceLevel level)
    {
        foreach (var l in All)
        {
            if (Name(l) == name)
            {
                level = l;
                return true;
            }
        }

        level = default;
        return false;
    }
}
