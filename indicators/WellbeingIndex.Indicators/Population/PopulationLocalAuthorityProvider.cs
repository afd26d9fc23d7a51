using WellbeingIndex.Abstractions;

namespace WellbeingIndex.Indicators.Population;

/// <summary>
/// Residents of each local authority district as the sum of its LSOAs (<see cref="LsoaPopulation.LocalAuthority"/>):
/// a denominator for rates (crime per 1,000 residents) and a weight for roll-ups, not a wellbeing measure.
/// </summary>
public sealed class PopulationLocalAuthorityProvider(ProviderContext context) : IIndicatorProvider
{
    private readonly ProviderContext _context = context ?? throw new ArgumentNullException(nameof(context));

    public IndicatorMetadata Metadata { get; } = new()
    {
        Id = "population-la",
        Name = "Resident population, local authority district (sum of its LSOAs)",
        Domain = "population",
        Unit = "persons",
        Direction = Direction.HigherIsBetter,
        Geography = GeographyLevel.LocalAuthority,
        Publisher = "Office for National Statistics",
        Dataset = "Small area population estimates (2011 LSOAs) and Census 2021 TS021 (2021 LSOAs), summed to districts",
        Url = new Uri("https://www.ons.gov.uk/peoplepopulationandcommunity/populationandmigration/populationestimates/datasets/lowersuperoutputareamidyearpopulationestimates"),
        Licence = "Open Government Licence v3.0",
        PeriodKind = PeriodKind.Date,
        Notes = "Sum of LSOA populations, LSOA to district from the DESNZ fuel-poverty LSOA table: mid-2017/2019/2020 over "
            + "2011 LSOAs with 2020 district codes (326 districts), Census 2021 over 2021 LSOAs with 2024 district codes (296). "
            + "A 2024 code (e.g. Cumberland) has no value before 2021, an abolished 2020 code none from 2021. A denominator, "
            + "not a wellbeing measure: the direction is nominal.",
    };

    public Task<IReadOnlyList<IndicatorValue>> GetValuesAsync(IndicatorRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var population = LsoaPopulation.For(_context);
        var values = new IndicatorValue[request.AreaCodes.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var code = request.AreaCodes[i];
            values[i] = population.LocalAuthority(code, request.Period) is { } la
                ? new IndicatorValue(code, la.Persons, la.Period, ValueStatus.Ok)
                : IndicatorValue.Missing(code, ValueStatus.NotAvailable,
                    $"no population for '{code}' at or before {request.Period}: populations are dated {string.Join(", ", population.Periods)}, "
                    + "on 2020 district codes before 2021 and 2024 codes from 2021.");
        }

        return Task.FromResult<IReadOnlyList<IndicatorValue>>(values);
    }

    public Task<IReadOnlyList<ReferencePeriod>> GetAvailablePeriodsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(LsoaPopulation.For(_context).Periods);
    }
}
