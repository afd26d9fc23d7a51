using WellbeingIndex.Abstractions;

namespace WellbeingIndex.Publication;

/// <summary>One indicator's value for one area in a run, traced back to its source.</summary>
/// <param name="AreaCode">GSS code.</param>
/// <param name="AreaName">Display name.</param>
/// <param name="IndicatorCode">The indicator's node code.</param>
/// <param name="RawValue">The value the provider gave; null when missing.</param>
/// <param name="NormalisedValue">The value after the recipe's steps up to normalisation; null when missing.</param>
/// <param name="PeriodUsed">The period the raw value refers to (may be earlier than the run's).</param>
/// <param name="Status">Usable or why not.</param>
/// <param name="Reason">The publisher's reason for a non-Ok status.</param>
/// <param name="ProviderId">The provider that supplied the value.</param>
/// <param name="Publisher">Who publishes the source.</param>
/// <param name="Dataset">The source dataset.</param>
/// <param name="Url">Where the source is published.</param>
/// <param name="Licence">The source's licence.</param>
public sealed record IndicatorValueRow(
    string AreaCode,
    string AreaName,
    string IndicatorCode,
    double? RawValue,
    double? NormalisedValue,
    ReferencePeriod? PeriodUsed,
    ValueStatus Status,
    string? Reason,
    string? ProviderId,
    string? Publisher,
    string? Dataset,
    string? Url,
    string? Licence);
