using System.Collections.Immutable;
using WellbeingIndex.Abstractions;

namespace WellbeingIndex.Engine.Panel;

/// <summary>One value filled over time: where, with which rule, and from which observed period(s).</summary>
/// <param name="AreaCode">The area.</param>
/// <param name="Indicator">The indicator.</param>
/// <param name="Period">The period that was missing.</param>
/// <param name="Value">The value filled in.</param>
/// <param name="Method">The rule that filled it: latest, constant or linear (linear-constant records which of the two).</param>
/// <param name="From">The observed period(s) it came from: one, or the two a linear interpolation lies between.</param>
public sealed record ImputedCell(string AreaCode, string Indicator, ReferencePeriod Period, double Value, string Method, ImmutableArray<ReferencePeriod> From)
{
    /// <summary>"latest from 2019", "linear from 2018–2021".</summary>
    public string Describe() => $"{Method} from {string.Join("–", From)}";
}
