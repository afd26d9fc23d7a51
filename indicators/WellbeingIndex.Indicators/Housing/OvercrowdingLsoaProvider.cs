using WellbeingIndex.Abstractions;

namespace WellbeingIndex.Indicators.Housing;

/// <summary>
/// Share of households overcrowded by the bedroom standard (occupancy rating −1 or −2 or less), Census 2021, for every
/// 2021 LSOA in England and Wales.
/// </summary>
public sealed class OvercrowdingLsoaProvider(ProviderContext context) : IIndicatorProvider
{
    /// <summary>Census day 2021, the date of every value.</summary>
    internal static readonly ReferencePeriod CensusDay = ReferencePeriod.ForDate(new NodaTime.LocalDate(2021, 3, 21));

    private readonly ProviderContext _context = context ?? throw new ArgumentNullException(nameof(context));

    public IndicatorMetadata Metadata { get; } = Describe("overcrowding-census2021-lsoa", GeographyLevel.Lsoa,
        "every 2021 LSOA in England and Wales (35,672).");

    internal static IndicatorMetadata Describe(string id, GeographyLevel geography, string coverage) => new()
    {
        Id = id,
        Name = "Households overcrowded (bedroom occupancy rating -1 or less), Census 2021",
        Domain = "housing",
        Unit = "% of households",
        Direction = Direction.LowerIsBetter,
        Geography = geography,
        Publisher = "Office for National Statistics",
        Dataset = "Census 2021 TS052, occupancy rating for bedrooms",
        Url = new Uri("https://www.ons.gov.uk/datasets/TS052/editions/2021/versions/1"),
        Licence = "Open Government Licence v3.0",
        PeriodKind = PeriodKind.Date,
        Notes = "Census day 21 March 2021, the only period: every later request gets it, dated. Overcrowded = rating -1 or "
            + "'-2 or less' over all households (TS052 total). Census cells carry ONS disclosure perturbation. Coverage: " + coverage,
    };

    public Task<IReadOnlyList<IndicatorValue>> GetValuesAsync(IndicatorRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var table = CensusOccupancyTable.For(_context);
        var values = new IndicatorValue[request.AreaCodes.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Answer(request.AreaCodes[i], table.Find(request.AreaCodes[i]), request.Period, $"{CensusOccupancyTable.FileName} ({table.Count} areas)");
        }

        return Task.FromResult<IReadOnlyList<IndicatorValue>>(values);
    }

    public Task<IReadOnlyList<ReferencePeriod>> GetAvailablePeriodsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        CensusOccupancyTable.For(_context);
        return Task.FromResult<IReadOnlyList<ReferencePeriod>>([CensusDay]);
    }

    internal static IndicatorValue Answer(string code, CensusOccupancyTable.Households? households, ReferencePeriod period, string source) =>
        households is not { } h ? IndicatorValue.Missing(code, ValueStatus.NotAvailable, $"area '{code}' is not in {source}.")
        : !CensusDay.EndsOnOrBefore(period) ? IndicatorValue.Missing(code, ValueStatus.NotAvailable, $"no value at or before {period}; the earliest for '{code}' is {CensusDay}.")
        : h.Percent is { } pct ? IndicatorValue.Ok(code, pct, CensusDay)
        : IndicatorValue.Missing(code, ValueStatus.NotAvailable, $"area '{code}' has no households in the Census.", CensusDay);
}
