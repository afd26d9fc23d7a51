using WellbeingIndex.Abstractions;

namespace WellbeingIndex.Indicators.Deprivation;

/// <summary>
/// Base of the IoD 2025 LSOA providers: one provider per domain and measure, id <c>iod2025-&lt;domain&gt;-&lt;measure&gt;</c>
/// (<see cref="IodDomain.Id"/>; measure <c>score</c>, <c>rank</c> or <c>decile</c>). Scores are deprivation (lower is
/// better); ranks and deciles count from the most deprived (1), so a higher rank or decile is better. Values are dated
/// 2025, the edition; its indicators mostly refer to 2022/23 and earlier.
/// </summary>
public abstract class IodLsoaProvider : IIndicatorProvider
{
    private static readonly ReferencePeriod Edition = ReferencePeriod.ForCalendarYear(2025);
    private readonly ProviderContext _context;

    protected IodLsoaProvider(ProviderContext context, IodDomain domain, IodMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(domain);
        _context = context;
        Domain = domain;
        Measure = measure;
        var (suffix, unit, direction) = measure switch
        {
            IodMeasure.Score => ("score", domain.ScoreUnit, Direction.LowerIsBetter),
            IodMeasure.Rank => ("rank", "rank of 33,755 LSOAs (1 = most deprived)", Direction.HigherIsBetter),
            IodMeasure.Decile => ("decile", "decile (1 = most deprived 10% of LSOAs)", Direction.HigherIsBetter),
            _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, "Not an IoD measure."),
        };
        Metadata = new IndicatorMetadata
        {
            Id = $"iod2025-{domain.Id}-{suffix}",
            Name = $"{domain.Name}, {suffix} (IoD 2025)",
            Domain = "deprivation",
            Unit = unit,
            Direction = direction,
            Geography = GeographyLevel.Lsoa,
            Publisher = "Ministry of Housing, Communities and Local Government",
            Dataset = "English Indices of Deprivation 2025, File 7 (scores, ranks and deciles, 2021 LSOAs)",
            Url = new Uri("https://www.gov.uk/government/statistics/english-indices-of-deprivation-2025"),
            Licence = "Open Government Licence v3.0",
            PeriodKind = PeriodKind.CalendarYear,
            Notes = "IoD 2025 edition, dated 2025; most underlying indicators refer to 2022/23 or earlier. 33,755 2021 LSOAs. "
                + "Rank 1 and decile 1 are the most deprived; ranks are relative and not comparable with IoD 2019 over time. "
                + "The IoD's own population denominators are not in the data.",
        };
    }

    public IndicatorMetadata Metadata { get; }

    /// <summary>The domain answered.</summary>
    public IodDomain Domain { get; }

    /// <summary>The measure answered.</summary>
    public IodMeasure Measure { get; }

    public Task<IReadOnlyList<IndicatorValue>> GetValuesAsync(IndicatorRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var table = IodLsoaTable.For(_context);
        var values = new IndicatorValue[request.AreaCodes.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var code = request.AreaCodes[i];
            values[i] = table.Find(code, Domain) is not { } e
                ? IndicatorValue.Missing(code, ValueStatus.NotAvailable, $"area '{code}' is not in {IodLsoaTable.FileName} ({table.Codes.Count} areas).")
                : !Edition.EndsOnOrBefore(request.Period)
                    ? IndicatorValue.Missing(code, ValueStatus.NotAvailable, $"no value at or before {request.Period} in {IodLsoaTable.FileName}; the earliest for '{code}' is {Edition}.")
                    : IndicatorValue.Ok(code, Measure switch { IodMeasure.Score => e.Score, IodMeasure.Rank => e.Rank, _ => e.Decile }, Edition);
        }

        return Task.FromResult<IReadOnlyList<IndicatorValue>>(values);
    }

    public Task<IReadOnlyList<ReferencePeriod>> GetAvailablePeriodsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IodLsoaTable.For(_context);
        return Task.FromResult<IReadOnlyList<ReferencePeriod>>([Edition]);
    }
}
