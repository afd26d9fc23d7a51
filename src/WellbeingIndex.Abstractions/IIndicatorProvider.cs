namespace WellbeingIndex.Abstractions;

/// <summary>
/// The plug-in point for indicators. A provider is a public, non-abstract class with either a public constructor taking
/// a <see cref="ProviderContext"/> or a public parameterless one; discovery finds it by reflection, so adding an
/// indicator is adding one class.
/// </summary>
public interface IIndicatorProvider
{
    /// <summary>What the indicator is and where it comes from; constant for the provider's lifetime.</summary>
    IndicatorMetadata Metadata { get; }

    /// <summary>
    /// One <see cref="IndicatorValue"/> per requested area, in request order. An area the source does not know gets a
    /// <see cref="ValueStatus.NotAvailable"/> value with a reason; bad source data throws <see cref="IndicatorDataException"/>.
    /// </summary>
    Task<IReadOnlyList<IndicatorValue>> GetValuesAsync(IndicatorRequest request, CancellationToken cancellationToken = default);

    /// <summary>Every period the source has data for, oldest first (used to pick "the latest period").</summary>
    Task<IReadOnlyList<ReferencePeriod>> GetAvailablePeriodsAsync(CancellationToken cancellationToken = default);
}
