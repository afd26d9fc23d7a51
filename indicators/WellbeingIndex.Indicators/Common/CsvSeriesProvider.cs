using WellbeingIndex.Abstractions;

namespace WellbeingIndex.Indicators.Common;

/// <summary>
/// Base for a provider backed by one CSV file: a subclass names the file and turns its records into observations;
/// this class parses the file once (lazily, on first use, by one thread) and applies the shared period rule. A failed
/// parse is not cached, so fixing the file and asking again works.
/// </summary>
public abstract class CsvSeriesProvider : IIndicatorProvider
{
    private readonly ProviderContext _context;
    private readonly Lock _gate = new();
    private SeriesTable? _table;

    protected CsvSeriesProvider(ProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
    }

    public abstract IndicatorMetadata Metadata { get; }

    /// <summary>The host's context, for a provider that reads a second file (a denominator, a lookup).</summary>
    protected ProviderContext Context => _context;

    /// <summary>File name in the data directory (a <c>.gz</c> copy is read if the plain file is absent).</summary>
    protected abstract string FileName { get; }

    /// <summary>Reads every record of the file into <paramref name="table"/>; throws <see cref="IndicatorDataException"/> on bad data.</summary>
    protected abstract void Read(CsvReader csv, SeriesTable.Builder table);

    internal SeriesTable Table
    {
        get
        {
            if (Volatile.Read(ref _table) is { } table)
            {
                return table;
            }

            lock (_gate)
            {
                if (_table is null)
                {
                    using var csv = CsvReader.Open(_context, Metadata.Id, FileName);
                    var builder = new SeriesTable.Builder(FileName, csv.Error);
                    Read(csv, builder);
                    Volatile.Write(ref _table, builder.Build());
                }

                return _table!;
            }
        }
    }

    // Parsing is synchronous file work; the tasks complete (or fault) on the calling thread. Hosts wanting overlap
    // across providers start each call on the thread pool, as FrameworkRunner does.
    public async Task<IReadOnlyList<IndicatorValue>> GetValuesAsync(IndicatorRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var table = Table;
        var values = new IndicatorValue[request.AreaCodes.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = table.Select(request.AreaCodes[i], request.Period);
        }

        return await Task.FromResult(values).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ReferencePeriod>> GetAvailablePeriodsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return await Task.FromResult(Table.Periods).ConfigureAwait(false);
    }
}
