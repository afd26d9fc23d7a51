using System.Collections.Frozen;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Common;
using WellbeingIndex.Indicators.Geography;

namespace WellbeingIndex.Indicators.Housing;

/// <summary>
/// Share of households overcrowded, Census 2021, for English local authority districts (2024 codes), regions and
/// England: overcrowded households summed over the 2021 LSOAs in the area, over all households summed the same way
/// (household-weighted, not a mean of LSOA percentages).
/// </summary>
public sealed class OvercrowdingProvider(ProviderContext context) : IIndicatorProvider
{
    private readonly ProviderContext _context = context ?? throw new ArgumentNullException(nameof(context));

    public IndicatorMetadata Metadata { get; } = OvercrowdingLsoaProvider.Describe("overcrowding-census2021", GeographyLevel.LocalAuthority,
        "the 296 English districts (2024 codes), the nine regions (E12) and England (E92000001), each the sum of its 2021 "
        + "LSOAs (LSOA to district from the DESNZ fuel-poverty LSOA table).");

    public Task<IReadOnlyList<IndicatorValue>> GetValuesAsync(IndicatorRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var sums = DataFileCache.Get(_context, CensusOccupancyTable.FileName, () => new AreaSums(_context)).ByArea;
        var values = new IndicatorValue[request.AreaCodes.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var code = request.AreaCodes[i];
            values[i] = OvercrowdingLsoaProvider.Answer(code, sums.TryGetValue(code, out var h) ? h : null, request.Period,
                $"the English districts, regions and England summed from {CensusOccupancyTable.FileName} ({sums.Count} areas)");
        }

        return Task.FromResult<IReadOnlyList<IndicatorValue>>(values);
    }

    public Task<IReadOnlyList<ReferencePeriod>> GetAvailablePeriodsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        CensusOccupancyTable.For(_context);
        return Task.FromResult<IReadOnlyList<ReferencePeriod>>([OvercrowdingLsoaProvider.CensusDay]);
    }

    /// <summary>Households summed by district, region and England over the 2021 LSOAs (cached per data directory).</summary>
    private sealed class AreaSums
    {
        public AreaSums(ProviderContext context)
        {
            var table = CensusOccupancyTable.For(context);
            var sums = new Dictionary<string, CensusOccupancyTable.Households>(StringComparer.Ordinal);
            foreach (var place in LsoaLookup.For(context).All(LsoaVintage.Lsoa2021))
            {
                var h = table.Find(place.LsoaCode)
                    ?? throw new IndicatorDataException("overcrowding-census2021", $"LSOA '{place.LsoaCode}' ({place.LaName}) has no row.", CensusOccupancyTable.FileName);
                foreach (var area in (ReadOnlySpan<string>)[place.LaCode, place.RegionCode, Regions.EnglandCode])
                {
                    var s = sums.GetValueOrDefault(area);
                    sums[area] = new CensusOccupancyTable.Households(s.Overcrowded + h.Overcrowded, s.Total + h.Total);
                }
            }

            ByArea = sums.ToFrozenDictionary(StringComparer.Ordinal);
        }

        public FrozenDictionary<string, CensusOccupancyTable.Households> ByArea { get; }
    }
}
