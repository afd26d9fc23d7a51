using System.CommandLine;
using Newtonsoft.Json.Linq;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Delimited;
using WellbeingIndex.Engine.Data;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Panel;
using WellbeingIndex.Engine.Results;
using WellbeingIndex.Providers;

namespace WellbeingIndex.Cli;

/// <summary>A panel run from the command line's inputs: panel iData/iMeta, a definition with panel data, or a framework's span.</summary>
internal static class PanelCompute
{
    /// <summary>Reads compute's input options by name (compute and trends share them) and runs the panel.</summary>
    public static async Task<(PanelResult Result, FrameworkSeries? Series)> RunAsync(ParseResult parse, RecipeFlags recipe, PanelFlags.Parsed flags,
        CancellationToken cancellationToken)
    {
        var definition = parse.GetValue<FileInfo?>("--definition");
        var idata = parse.GetValue<FileInfo?>("--idata");
        var imeta = parse.GetValue<FileInfo?>("--imeta");
        var tidy = parse.GetValue<FileInfo?>("--tidy");
        var framework = parse.GetValue<string?>("--framework");
        var dataDir = parse.GetValue<DirectoryInfo?>("--data-dir");
        var plugins = parse.GetValue<DirectoryInfo?>("--plugins");
        var weights = flags.Time?.BaseWeights is { } w ? new[] { w } : [];
        if (framework is not null)
        {
            var series = await FrameworkCompute.RunSeriesAsync(framework, flags, dataDir, plugins, recipe, cancellationToken);
            return (series.Result, series);
        }

        if (flags.From is not null || flags.To is not null)
        {
            throw new UsageException("--from/--to choose a framework's span (compute --framework) or a trends span; a panel file is computed over all its periods.");
        }

        IndexDefinition d;
        PanelData panel;
        if (definition is not null)
        {
            if (imeta is not null)
            {
                throw new UsageException("--imeta describes the hierarchy, which --definition already does: give one of them.");
            }

            d = recipe.ApplyTo(IndexDefinitionJson.ReadFile(definition.FullName));
            panel = (idata, tidy) switch
            {
                (not null, null) => CoinrInput.ReadPanel(CsvTable.ReadFile(idata.FullName), [.. d.Indicators.Select(i => i.Code), .. weights]),
                (null, not null) => TidyInput.ReadPanel(CsvTable.ReadFile(tidy.FullName)),
                _ => throw new UsageException("--definition needs its data: give exactly one of --idata or --tidy."),
            };
        }
        else if (idata is not null && imeta is not null)
        {
            (panel, d) = CoinrInput.ReadPanel(idata.FullName, imeta.FullName, recipe.Steps(), weights);
            d = recipe.ApplyTo(d);
        }
        else
        {
            throw new UsageException("give --idata and --imeta, or --definition with --idata or --tidy, or --framework.");
        }

        return (PanelPipeline.Run(d, panel, flags.Options, cancellationToken: cancellationToken), null);
    }

    /// <summary>
    /// The panel run as JSON: the definition (with its time block), the time mode and base, the parameters fitted on the
    /// pooled or base data, every value imputed over time with its method and source period(s), then each period as
    /// <see cref="IndexResultJson"/> writes a single run.
    /// </summary>
    public static JObject ToJson(PanelResult result)
    {
        var json = new JObject
        {
            ["definition"] = IndexDefinitionJson.ToJson(result.Definition),
            ["time"] = new JObject { ["mode"] = TimeDefinition.ModeName(result.Time.Mode), ["base"] = result.Time.Base, ["baseWeights"] = result.Time.BaseWeights },
            ["periods"] = new JArray(result.Periods.Select(p => p.ToString())),
            ["fitted"] = new JArray(result.Fits.Select(f => new JObject
            {
                ["step"] = f.Step,
                ["indicator"] = f.Indicator,
                ["parameters"] = new JObject(f.Parameters.Values.Select(kv => new JProperty(kv.Key, double.IsFinite(kv.Value) ? kv.Value : null))),
            })),
            ["imputedOverTime"] = new JArray(result.Imputed.Select(c => new JObject
            {
                ["area"] = c.AreaCode,
                ["indicator"] = c.Indicator,
                ["period"] = c.Period.ToString(),
                ["value"] = c.Value,
                ["method"] = c.Method,
                ["from"] = new JArray(c.From.Select(p => p.ToString())),
            })),
        };
        var results = new JArray();
        for (var p = 0; p < result.Periods.Length; p++)
        {
            using var buffer = new StringWriter();
            IndexResultJson.Write(result.Results[p], buffer);
            var one = JObject.Parse(buffer.ToString());
            one.Remove("definition");
            one.AddFirst(new JProperty("period", result.Periods[p].ToString()));
            results.Add(one);
        }

        json["results"] = results;
        return json;
    }

    /// <summary>The CAGR table: one row per area and node.</summary>
    public static void WriteTrends(IReadOnlyList<AreaTrend> trends, TextWriter writer)
    {
        using var csv = CsvRecordWriter.Create(writer, ["uCode", "node", "first_period", "last_period", "first", "last", "points", "cagr"]);
        foreach (var t in trends)
        {
            using var record = csv.NewRecord();
            record.Text(0, t.AreaCode);
            record.Text(1, t.Node);
            record.Text(2, t.First?.ToString());
            record.Text(3, t.Last?.ToString());
            record.Number(4, t.FirstValue);
            record.Number(5, t.LastValue);
            record.Integer(6, t.Points, missing: -1);
            record.Number(7, t.Cagr);
        }
    }

    public static ReferencePeriod? Period(string? text, string flag)
    {
        if (text is null) return null;
        return ReferencePeriod.TryParse(text, out var p) ? p : throw new UsageException($"{flag} '{text}' is not a period: use 2019, 2019/20, 2019-03 or 2019-03-31.");
    }
}
