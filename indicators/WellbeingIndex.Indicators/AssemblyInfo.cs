using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("WellbeingIndex.Indicators.Tests")]

namespace WellbeingIndex.Indicators;

/// <summary>
/// Marks the built-in indicators assembly, so that discovery and the framework catalogue can find it by type rather
/// than by a file name that could drift.
/// </summary>
public static class BuiltInIndicators
{
    /// <summary>The assembly holding the built-in providers and the embedded framework resources.</summary>
    public static System.Reflection.Assembly Assembly => typeof(BuiltInIndicators).Assembly;
}
