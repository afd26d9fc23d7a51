using System.Collections.Frozen;

namespace WellbeingIndex.Indicators.Geography;

/// <summary>The nine English regions (ONS GSS codes E12000001–E12000009) and England, for roll-ups above local authorities.</summary>
public static class Regions
{
    /// <summary>England (E92000001).</summary>
    public const string EnglandCode = "E92000001";

    private static readonly FrozenDictionary<string, string> CodeByName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["North East"] = "E12000001",
        ["North West"] = "E12000002",
        ["Yorkshire and The Humber"] = "E12000003",
        ["East Midlands"] = "E12000004",
        ["West Midlands"] = "E12000005",
        ["East of England"] = "E12000006",
        ["London"] = "E12000007",
        ["South East"] = "E12000008",
        ["South West"] = "E12000009",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The region's GSS code from its name (case-insensitive); false for anything else.</summary>
    public static bool TryGetCode(string name, out string code) => CodeByName.TryGetValue(name.Trim(), out code!);
}
