using System.CommandLine;
using System.Globalization;
using WellbeingIndex.Engine.Data;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Pipeline;
using WellbeingIndex.Engine.Results;
using WellbeingIndex.Providers;

namespace WellbeingIndex.Cli;

/// <summary>
/// The options every command that builds an index shares (<c>compute</c>, <c>trends</c>, <c>audit</c>, <c>sensitivity</c>): where the
/// data and hierarchy come from and the recipe flags. <see cref="LoadAsync"/> runs the nominal index.
/// </summary>
internal sealed class RecipeOptions
{
    private readonly Option<FileInfo?> _definition = new("--definition") { Description = "Index definition (JSON); data from --idata or --tidy." };
    private readonly Option<FileInfo?> _idata = new("--idata") { Description = "COINr iData CSV (uCode, uName, groups, one column per indicator)." };
    private readonly Option<FileInfo?> _imeta = new("--imeta") { Description = "COINr iMeta CSV (Level, iCode, iName, Direction, Weight, Parent, Type, optional Denominator)." };
    private readonly Option<FileInfo?> _tidy = new("--tidy") { Description = "Tidy long CSV (area_code, indicator, period, value) instead of --idata." };
    private readonly Option<string?> _framework = new("--framework") { Description = "A built-in framework computed from its providers (for example: london)." };
    private readonly Option<string?> _period = new("--period") { Description = "Period to compute (tidy data or framework), e.g. 2022 or 2021/22. Default for a framework: its latest." };
    private readonly Option<DirectoryInfo?> _dataDir = new("--data-dir") { Description = "Folder of published data files for --framework (default: WELLBEING_DATA_DIR, else ../shared/data)." };
    private readonly Option<DirectoryInfo?> _plugins = new("--plugins") { Description = "Folder of plug-in assemblies with more indicator providers." };
    private readonly Option<bool> _denominate = new("--denominate") { Description = "Divide each indicator by its iMeta Denominator column (COINr Denominate)." };
    private readonly Option<string?> _screen = new("--screen") { Description = "Screen units by data availability: byNA|byzeros|byNAandzeros (COINr Screen)." };
    private readonly Option<string?> _normalise = new("--normalise") { Description = "Normalisation: " + Names<INormaliser>() + " (default minmax)." };
    private readonly Option<string?> _range = new("--range") { Description = "Min-max output range L,U (default 0,100)." };
    private readonly Option<string?> _aggregate = new("--aggregate") { Description = "Aggregation: " + Names<IAggregator>() + " (default amean)." };
    private readonly Option<string?> _impute = new("--impute") { Description = "Imputation: " + Names<IImputer>() + " (default none)." };
    private readonly Option<string?> _treat = new("--treat") { Description = "Outlier treatment: " + Names<ITreatment>() + " (default none)." };
    private readonly Option<string[]> _screenParams = Params("--screen-param", "Screen parameter NAME=VALUE (repeatable): dat_thresh=0.66, nonzero_thresh=0.05.");
    private readonly Option<string[]> _normaliseParams = Params("--normalise-param", "Normalisation parameter NAME=VALUE (repeatable), e.g. min=20 max=85 for goalposts.");
    private readonly Option<string[]> _aggregateParams = Params("--aggregate-param", "Aggregation parameter NAME=VALUE (repeatable), e.g. p=2 for genmean.");
    private readonly Option<string[]> _imputeParams = Params("--impute-param", "Imputation parameter NAME=VALUE (repeatable), e.g. group=Group_Region.");
    private readonly Option<string[]> _treatParams = Params("--treat-param", "Treatment parameter NAME=VALUE (repeatable), e.g. winmax=3.");
    private readonly Option<double?> _minCoverage = new("--min-coverage") { Description = "Minimum share (0-1) of an aggregate's children an area needs." };

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[]
                 {
                     _definition, _idata, _imeta, _tidy, _framework, _period, _dataDir, _plugins, _denominate, _screen, _normalise, _range,
                     _aggregate, _impute, _treat, _screenParams, _normaliseParams, _aggregateParams, _imputeParams, _treatParams, _minCoverage,
                 })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>
    /// The recipe flags, read by name so that every command carrying these options (compute, trends, audit,
    /// sensitivity) reads them alike.
    /// </summary>
    public static RecipeFlags Read(ParseResult parse)
    {
        var screenMethod = parse.GetValue<string?>("--screen");
        var screen = Flag(screenMethod, parse.GetValue<string[]?>("--screen-param"), "--screen");
        return new RecipeFlags(
            Flag(parse.GetValue<string?>("--impute"), parse.GetValue<string[]?>("--impute-param"), "--impute"),
            Flag(parse.GetValue<string?>("--treat"), parse.GetValue<string[]?>("--treat-param"), "--treat"),
            NormaliseFlag(parse.GetValue<string?>("--normalise"), parse.GetValue<string?>("--range"), parse.GetValue<string[]?>("--normalise-param")),
            Flag(parse.GetValue<string?>("--aggregate"), parse.GetValue<string[]?>("--aggregate-param"), "--aggregate"),
            parse.GetValue<double?>("--min-coverage"))
        {
            Denominate = parse.GetValue<bool>("--denominate"),
            Screen = screen is null ? null : new MethodSpec(StepNames.Screen, screen.Numbers, screen.Texts.SetItem("unit_screen", screen.Method switch
            {
                "byna" => Screening.ByNA,
                "byzeros" => Screening.ByZeros,
                "bynaandzeros" => Screening.ByNAAndZeros,
                _ => throw new UsageException($"--screen '{screenMethod}' must be byNA, byzeros or byNAandzeros."),
            })),
        };
    }

    /// <summary>Reads the data and definition the options name, applies the recipe flags and computes the nominal index.</summary>
    public async Task<(IndexResult Result, FrameworkRun? Run)> LoadAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var recipe = Read(parse);
        FileInfo? def = parse.GetValue(_definition), id = parse.GetValue(_idata), im = parse.GetValue(_imeta), td = parse.GetValue(_tidy);
        var fw = parse.GetValue(_framework);
        if (fw is not null)
        {
            if (def is not null || id is not null || im is not null || td is not null)
            {
                throw new UsageException("--framework computes from providers: do not combine it with --definition, --idata, --imeta or --tidy.");
            }

            var run = await FrameworkCompute.RunAsync(fw, parse.GetValue(_period), parse.GetValue(_dataDir), parse.GetValue(_plugins), recipe, cancellationToken);
            return (run.Result, run);
        }

        if (def is not null)
        {
            if (im is not null)
            {
                throw new UsageException("--imeta describes the hierarchy, which --definition already does: give one of them.");
            }

            var d = recipe.ApplyTo(IndexDefinitionJson.ReadFile(def.FullName));
            IndicatorData data = (id, td) switch
            {
                (not null, null) => CoinrInput.ReadData(CsvTable.ReadFile(id.FullName),
                    d.Indicators.Select(i => i.Code).Concat(d.Indicators.Select(i => i.Denominator).OfType<string>().Distinct()).ToList()),
                (null, not null) => TidyInput.Read(CsvTable.ReadFile(td.FullName), parse.GetValue(_period)),
                _ => throw new UsageException("--definition needs its data: give exactly one of --idata or --tidy."),
            };
            return (IndexPipeline.Run(d, data, keepTables: true, cancellationToken: cancellationToken), null);
        }

        if (id is not null && im is not null)
        {
            var (data, d) = CoinrInput.Read(id.FullName, im.FullName, recipe.Steps());
            return (IndexPipeline.Run(recipe.ApplyTo(d), data, keepTables: true, cancellationToken: cancellationToken), null);
        }

        throw new UsageException("give --idata and --imeta, or --definition with --idata or --tidy, or --framework.");
    }

    private static Option<string[]> Params(string name, string description) =>
        new(name) { Description = description, AllowMultipleArgumentsPerToken = true, Arity = ArgumentArity.ZeroOrMore };

    private static string Names<T>() where T : class, IMethod => string.Join("|", MethodRegistry.Default.Names<T>());

    /// <summary>A METHOD flag with its NAME=VALUE parameters (numbers where they parse, else texts).</summary>
    public static MethodSpec? Flag(string? method, string[]? parameters, string flag)
    {
        if (method is null)
        {
            return parameters is { Length: > 0 } ? throw new UsageException($"{flag}-param needs {flag} METHOD.") : null;
        }

        var spec = new MethodSpec(method);
        foreach (var p in parameters ?? [])
        {
            var eq = p.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new UsageException($"{flag}-param '{p}' must be NAME=VALUE.");
            }

            var (key, value) = (p[..eq].Trim(), p[(eq + 1)..].Trim());
            spec = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? spec.WithNumber(key, number)
                : spec.WithText(key, value);
        }

        return spec;
    }

    private static MethodSpec? NormaliseFlag(string? method, string? range, string[]? parameters)
    {
        var spec = Flag(method ?? (range is null && parameters is not { Length: > 0 } ? null : "minmax"), parameters, "--normalise");
        if (range is null)
        {
            return spec;
        }

        if (spec!.Method != "minmax")
        {
            throw new UsageException("--range sets the min-max output range; it applies to --normalise minmax only.");
        }

        var parts = range.Split(',');
        if (parts.Length != 2
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var l)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var u))
        {
            throw new UsageException($"--range '{range}' must be two numbers L,U such as 0,100.");
        }

        return spec.WithNumber("l", l).WithNumber("u", u);
    }
}
