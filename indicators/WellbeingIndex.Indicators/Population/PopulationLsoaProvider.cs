using WellbeingIndex.Abstractions;

namespace WellbeingIndex.Indicators.Population;

/// <summary>
/// Residents of each LSOA: a denominator and a weight for small-area roll-ups, not a wellbeing measure (its direction
/// is nominal). Mid-year estimates on 2011 LSOAs to mid-2020, Census 2021 on 2021 LSOAs.
/// </summary>
public sealed class PopulationLsoaProvider(ProviderContext context) : IIndicatorProvider
{
    private readonly ProviderContext _context = context ?? throw new ArgumentNullException(nameof(context));

    public IndicatorMetadata Metadata { get; } = new()
    {
        Id = "population-lsoa",
        Name = "Resident population, LSOA",
        Domain = "population",
        Unit = "persons",
        Direction = Direction.HigherIsBetter,
        Geography = GeographyLevel.Lsoa,
        Publisher = "Office for National Statistics",
        Dataset = "Small area population estimates (mid-2017, mid-2019, mid-2020; 2011 LSOAs) and Census 2021 TS021 usual residents (2021 LSOAs)",
        Url = new Uri("https://www.ons.gov.uk/peoplepopulationandcommunity/populationandmigration/populationestimates/datasets/lowersuperoutputareamidyearpopulationestimates"),
        Licence = "Open Government Licence v3.0",
        PeriodKind = PeriodKind.Date,
        Notes = "A denominator and weight, not a wellbeing measure: the direction is nominal. Mid-year estimates are dated "
            + "30 June on 2011 LSOAs; the 2021 figure is the Census day count (21 March 2021) on 2021 LSOAs, with ONS "
            + "disclosure perturbation (LSOA sum 59,597,576 against 59,597,542 nationally). No mid-2021 or later estimate "
            + "on 2021 LSOAs is in the data, so any period from 2021 on gets the Census count, dated.",
    };

    public Task<IReadOnlyList<IndicatorValue>> GetValuesAsync(IndicatorRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var table = LsoaPopulation.For(_context).Table;
        var values = new IndicatorValue[request.AreaCodes.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = table.Select(request.AreaCodes[i], request.Period);
        }

        return Task.FromResult<IReadOnlyList<IndicatorValue>>(values);
    }

    public Task<IReadOnlyList<ReferencePeriod>> GetAvailablePeriodsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(LsoaPopulation.For(_context).Periods);
    }
}
