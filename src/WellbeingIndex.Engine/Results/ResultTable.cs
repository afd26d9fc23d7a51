namespace WellbeingIndex.Engine.Results;

/// <summary>
/// One intermediate table of a run (raw, denominated, imputed, screened, treated, normalised, aggregated), by column.
/// A table the build did not need to keep (the normalised one, when aggregation follows) is recomputed, the same
/// bits, the first time it is read.
/// </summary>
public sealed class ResultTable
{
    private readonly Lazy<Dictionary<string, double[]>> _columns;

    internal ResultTable(string name, IReadOnlyList<string> codes, Dictionary<string, double[]> columns)
        : this(name, codes, new Lazy<Dictionary<string, double[]>>(columns))
    {
    }

    internal ResultTable(string name, IReadOnlyList<string> codes, Lazy<Dictionary<string, double[]>> columns)
    {
        Name = name;
        Codes = codes;
        _columns = columns;
    }

    public const string Raw = "raw";
    public const string Denominated = "denominated";
    public const string Imputed = "imputed";
    public const string Screened = "screened";
    public const string Treated = "treated";
    public const string Normalised = "normalised";
    public const string Aggregated = "aggregated";

    public string Name { get; }

    /// <summary>Column codes in definition order.</summary>
    public IReadOnlyList<string> Codes { get; }

    public bool Contains(string code) => Codes.Contains(code);

    public ReadOnlySpan<double> Column(string code) =>
        _columns.Value.TryGetValue(code, out var c) ? c : throw new KeyNotFoundException($"Table '{Name}' has no column '{code}'.");

    internal double[] ColumnArray(string code) => _columns.Value[code];
}
