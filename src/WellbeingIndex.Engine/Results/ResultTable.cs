namespace WellbeingIndex.Engine.Results;

/// <summary>One intermediate table of a run (raw, denominated, imputed, screened, treated, normalised, aggregated), by column.</summary>
public sealed class ResultTable
{
    private readonly Dictionary<string, double[]> _columns;

    internal ResultTable(string name, IReadOnlyList<string> codes, Dictionary<string, double[]> columns)
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

    public bool Contains(string code) => _columns.ContainsKey(code);

    public ReadOnlySpan<double> Column(string code) =>
        _columns.TryGetValue(code, out var c) ? c : throw new KeyNotFoundException($"Table '{Name}' has no column '{code}'.");

    internal double[] ColumnArray(string code) => _columns[code];
}
