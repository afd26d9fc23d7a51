using System.CommandLine;
using System.Globalization;
using WellbeingIndex.Engine.Data;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Methods;
using WellbeingIndex.Engine.Pipeline;
using WellbeingIndex.Engine.Results;
using WellbeingIndex.Engine.Uncertainty;
using WellbeingIndex.Providers;

namespace WellbeingIndex.Cli;

/// <summary>
/// <c>wellbeing compute</c>: an index from a COINr iData/iMeta pair, a JSON definition with data, or a built-in
/// framework computed from its providers. Recipe flags set the defaults of the steps (a definition's per-node
/// overrides still win), which is how an analyst tries another method without editing a file.
/// </summary>
internal static class ComputeCommand
{
    public static Command Create(TextWriter output)
    {
        var definition = new Option<FileInfo?>("--definition") { Description = "Index definition (JSON); data from --idata or --tidy." };
        var idata = new Option<FileInfo?>("--idata") { Description = "COINr iData CSV (uCode, uName, groups, one column per indicator)." };
        var imeta = new Option<FileInfo?>("--imeta") { Description = "COINr iMeta CSV (Level, iCode, iName, Direction, Weight, Parent, Type)." };
        var tidy = new Option<FileInfo?>("--tidy") { Description = "Tidy long CSV (area_code, indicator, period, value) instead of --idata." };
        var framework = new Option<string?>("--framework") { Description = "A built-in framework computed from its providers (for example: london)." };
        var period = new Option<string?>("--period") { Description = "Period to compute (tidy data or framework), e.g. 2022 or 2021/22. Default for a framework: its latest." };
        var dataDir = new Option<DirectoryInfo?>("--data-dir") { Description = "Folder of published data files for --framework (default: WELLBEING_DATA_DIR, else ../shared/data)." };
        var plugins = new Option<DirectoryInfo?>("--plugins") { Description = "Folder of plug-in assemblies with more indicator providers." };
        var normalise = new Option<string?>("--normalise") { Description = "Normalisation: " + Names<INormaliser>() + " (default minmax)." };
        var range = new Option<string?>("--range") { Description = "Min-max output range L,U (default 0,100)." };
        var aggregate = new Option<string?>("--aggregate") { Description = "Aggregation: " + Names<IAggregator>() + " (default amean)." };
        var impute = new Option<string?>("--impute") { Description = "Imputation: " + Names<IImputer>() + " (default none)." };
        var treat = new Option<string?>("--treat") { Description = "Outlier treatment: " + Names<ITreatment>() + " (default none)." };
        var normaliseParams = Params("--normalise-param", "Normalisation parameter NAME=VALUE (repeatable), e.g. min=20 max=85 for goalposts.");
        var aggregateParams = Params("--aggregate-param", "Aggregation parameter NAME=VALUE (repeatable), e.g. p=2 for genmean.");
        var imputeParams = Params("--impute-param", "Imputation parameter NAME=VALUE (repeatable), e.g. group=Group_Region.");
        var treatParams = Params("--treat-param", "Treatment parameter NAME=VALUE (repeatable), e.g. winmax=3.");
        var minCoverage = new Option<double?>("--min-coverage") { Description = "Minimum share (0-1) of an aggregate's children an area needs." };
        var outFile = new Option<FileInfo?>("--out") { Description = "Output file: .csv (default, also to stdout) or .json." };
        var uncertainty = new Option<int?>("--uncertainty") { Description = "Monte Carlo runs of a sensitivity analysis of the index's ranks (adds RankMedian, RankP05, RankP95)." };
        var weightNoise = new Option<double>("--weight-noise") { Description = "Uncertainty: each weight varies uniformly within ±this share (default 0.25).", DefaultValueFactory = _ => 0.25 };
        var seed = new Option<int>("--seed") { Description = "Uncertainty: random seed, for reproducible runs.", DefaultValueFactory = _ => 20261122 };

        var command = new Command("compute", "Compute a composite index.")
        {
            definition, idata, imeta, tidy, framework, period, dataDir, plugins, normalise, range, aggregate, impute, treat,
            normaliseParams, aggregateParams, imputeParams, treatParams, minCoverage, outFile, uncertainty, weightNoise, seed,
        };
        var panelFlags = new PanelFlags();
        foreach (var option in panelFlags.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var recipe = Recipe(parse);
            var overTime = PanelFlags.Read(parse);
            if (overTime.AsksForPanel)
            {
                if (parse.GetValue(uncertainty) is not null || parse.GetValue(period) is not null)
                {
                    throw new UsageException("--uncertainty and --period apply to one period; a panel (--time, --impute-panel, --from/--to) is computed over all its periods.");
                }

                var (panel, _) = await PanelCompute.RunAsync(parse, recipe, overTime, cancellationToken);
                var to = parse.GetValue(outFile);
                if (to is null)
                {
                    overTime.WriteCsv(panel, output);
                    return CommandLine.Ok;
                }

                Directory.CreateDirectory(to.DirectoryName ?? ".");
                await using (var writer = new StreamWriter(to.FullName))
                {
                    if (to.Extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
                    {
                        await writer.WriteAsync(PanelCompute.ToJson(panel).ToString());
                    }
                    else
                    {
                        overTime.WriteCsv(panel, writer);
                    }
                }

                await output.WriteLineAsync($"{panel.Definition.Id}: {panel.Input.AreaCodes.Length} areas × {panel.Periods.Length} periods ({panel.Time}), {panel.Definition.Indicators.Length} indicators -> {to.FullName}");
                return CommandLine.Ok;
            }

            IndexResult result;
            FrameworkRun? run = null;
            FileInfo? def = parse.GetValue(definition), id = parse.GetValue(idata), im = parse.GetValue(imeta), td = parse.GetValue(tidy);
            var fw = parse.GetValue(framework);
            if (fw is not null)
            {
                if (def is not null || id is not null || im is not null || td is not null)
                {
                    throw new UsageException("--framework computes from providers: do not combine it with --definition, --idata, --imeta or --tidy.");
                }

                run = await FrameworkCompute.RunAsync(fw, parse.GetValue(period), parse.GetValue(dataDir), parse.GetValue(plugins), recipe, cancellationToken);
                result = run.Result;
            }
            else if (def is not null)
            {
                if (im is not null)
                {
                    throw new UsageException("--imeta describes the hierarchy, which --definition already does: give one of them.");
                }

                var d = recipe.ApplyTo(IndexDefinitionJson.ReadFile(def.FullName));
                IndicatorData data = (id, td) switch
                {
                    (not null, null) => CoinrInput.ReadData(CsvTable.ReadFile(id.FullName), d.Indicators.Select(i => i.Code).ToList()),
                    (null, not null) => TidyInput.Read(CsvTable.ReadFile(td.FullName), parse.GetValue(period)),
                    _ => throw new UsageException("--definition needs its data: give exactly one of --idata or --tidy."),
                };
                result = IndexPipeline.Run(d, data, cancellationToken: cancellationToken);
            }
            else if (id is not null && im is not null)
            {
                var (data, d) = CoinrInput.Read(id.FullName, im.FullName, recipe.Steps());
                result = IndexPipeline.Run(recipe.ApplyTo(d), data, cancellationToken: cancellationToken);
            }
            else
            {
                throw new UsageException("give --idata and --imeta, or --definition with --idata or --tidy, or --framework.");
            }

            UncertaintyResult? spread = null;
            if (parse.GetValue(uncertainty) is { } runs)
            {
                spread = UncertaintyAnalysis.Run(result,
                    new UncertaintyOptions { Runs = runs, WeightNoise = parse.GetValue(weightNoise), Seed = parse.GetValue(seed) },
                    cancellationToken: cancellationToken);
            }

            var target = parse.GetValue(outFile);
            if (overTime.Table is { } table)
            {
                if (spread is not null)
                {
                    throw new UsageException("--table writes one data set; --uncertainty adds rank columns to the default output only.");
                }

                if (target is not null && target.Extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
                {
                    throw new UsageException("--table chooses what a CSV holds; JSON output holds every score already.");
                }
            }

            if (target is null)
            {
                if (overTime.Table is { } t)
                {
                    ResultTableCsv.Write(result, t, output);
                }
                else
                {
                    IndexResultCsv.Write(result, output, spread);
                }
            }
            else
            {
                Directory.CreateDirectory(target.DirectoryName ?? ".");
                await using var writer = new StreamWriter(target.FullName);
                if (target.Extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
                {
                    if (run is null)
                    {
                        IndexResultJson.Write(result, writer);
                    }
                    else
                    {
                        FrameworkCompute.WriteJson(run, writer);
                    }
                }
                else if (overTime.Table is { } t)
                {
                    ResultTableCsv.Write(result, t, writer);
                }
                else
                {
                    IndexResultCsv.Write(result, writer, spread);
                }

                if (run is not null)
                {
                    FrameworkCompute.WriteProvenance(run, output);
                }

                await output.WriteLineAsync($"{result.Definition.Id}: {result.AreaCodes.Length} areas, {result.Definition.Indicators.Length} indicators -> {target.FullName}");
            }

            return CommandLine.Ok;
        });
        return command;
    }

    /// <summary>The recipe flags, read by name so that every command sharing compute's options (trends) reads them alike.</summary>
    internal static RecipeFlags Recipe(ParseResult parse) => new(
        Flag(parse.GetValue<string?>("--impute"), parse.GetValue<string[]?>("--impute-param"), "--impute"),
        Flag(parse.GetValue<string?>("--treat"), parse.GetValue<string[]?>("--treat-param"), "--treat"),
        NormaliseFlag(parse.GetValue<string?>("--normalise"), parse.GetValue<string?>("--range"), parse.GetValue<string[]?>("--normalise-param")),
        Flag(parse.GetValue<string?>("--aggregate"), parse.GetValue<string[]?>("--aggregate-param"), "--aggregate"),
        parse.GetValue<double?>("--min-coverage"));

    private static Option<string[]> Params(string name, string description) =>
        new(name) { Description = description, AllowMultipleArgumentsPerToken = true, Arity = ArgumentArity.ZeroOrMore };

    private static string Names<T>() where T : class, IMethod => string.Join("|", MethodRegistry.Default.Names<T>());

    internal static MethodSpec? Flag(string? method, string[]? parameters, string flag)
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
