using System.Globalization;
using nietras.SeparatedValues;
using WellbeingIndex.Abstractions;

namespace SamplePlugin;

/// <summary>
/// A sample third-party indicator: share of adults who cycle at least once a month (GLA borough profiles, 2014/15),
/// implemented directly on the contract with no help from the built-in indicators assembly.
/// </summary>
public sealed class MonthlyCyclingProvider : IIndicatorProvider
{
    private const string FileName = "gla_london_borough_profiles_2017.csv";
    private const string Column = "% of adults who cycle at least once per month, 2014/15";
    private readonly ProviderContext _context;
    private readonly Lazy<Dictionary<string, double?>> _values;

    public MonthlyCyclingProvider(ProviderContext context)
    {
        _context = context;
        _values = new Lazy<Dictionary<string, double?>>(Load);
    }

    public IndicatorMetadata Metadata { get; } = new()
    {
        Id = "sample-monthly-cycling",
        Name = "Adults who cycle at least once per month",
        Domain = "active travel",
        Unit = "% of adults",
        Direction = Direction.HigherIsBetter,
        Geography = GeographyLevel.LocalAuthority,
        Publisher = "Greater London Authority",
        Dataset = "London Borough Profiles and Atlas 2017/18: % of adults who cycle at least once per month, 2014/15",
        Url = new Uri("https://data.london.gov.uk/dataset/london-borough-profiles"),
        Licence = "Open Government Licence v3.0",
        PeriodKind = PeriodKind.FinancialYear,
        Notes = "Sample plug-in used by the tests.",
    };

    private static ReferencePeriod Period => ReferencePeriod.ForFinancialYear(2014);

    public Task<IReadOnlyList<IndicatorValue>> GetValuesAsync(IndicatorRequest request, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<IndicatorValue> answer = request.AreaCodes.Select(code =>
            !_values.Value.TryGetValue(code, out var v) ? IndicatorValue.Missing(code, ValueStatus.NotAvailable, $"'{code}' is not in {FileName}.")
            : !Period.EndsOnOrBefore(request.Period) ? IndicatorValue.Missing(code, ValueStatus.NotAvailable, $"no value at or before {request.Period}; the only one is {Period}.")
            : v is { } x ? IndicatorValue.Ok(code, x, Period)
            : IndicatorValue.Missing(code, ValueStatus.NotAvailable, "GLA: '.' (not available).", Period)).ToList();
        return Task.FromResult(answer);
    }

    public Task<IReadOnlyList<ReferencePeriod>> GetAvailablePeriodsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ReferencePeriod>>([Period]);

    private Dictionary<string, double?> Load()
    {
        // A plug-in brings its own CSV library (here Sep); the contract holds the provider contract only.
        using var text = _context.OpenText(Metadata.Id, FileName);
        using var csv = Sep.New(',').Reader(o => o with { Unescape = true, CultureInfo = CultureInfo.InvariantCulture }).From(text);
        if (!csv.Header.TryIndexOf("New code", out var code) || !csv.Header.TryIndexOf(Column, out var column))
        {
            throw new IndicatorDataException(Metadata.Id, $"no '{Column}' column", FileName, 1);
        }

        var values = new Dictionary<string, double?>();
        foreach (var r in csv)
        {
            var cell = r[column].ToString();
            values[r[code].ToString()] = cell == "." ? null
                : double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v
                : throw new IndicatorDataException(Metadata.Id, $"'{cell}' is not a number", FileName, r.LineNumberFrom);
        }

        return values;
    }
}
