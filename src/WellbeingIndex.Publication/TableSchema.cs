using System.Globalization;
using Azure.Data.Tables;
using Newtonsoft.Json.Linq;
using NodaTime;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Inequality;
using WellbeingIndex.Providers;

namespace WellbeingIndex.Publication;

/// <summary>
/// Table names, key scheme and entity columns of <see cref="TableResultStore"/>; <c>functions/TABLES.md</c> documents
/// the same for dashboards, so a change here is a change there.
/// </summary>
internal static class TableSchema
{
    /// <summary>Areas per area-score partition (and per series-score partition).</summary>
    public const int PartitionSize = 1000;

    /// <summary>
    /// Areas per packed block of a run: one <c>RunBlocks</c> partition holds the block's area row, one row per node and
    /// one per indicator, each cell a JSON array of 1,000 values (well within 64 KiB per property and 1 MiB per row).
    /// </summary>
    public const int BlockSize = 1000;

    /// <summary>
    /// Runs of at most this many areas (boroughs, districts) also get one <c>AreaScores</c> row per area, the simplest
    /// shape for dashboards; larger runs are in blocks only (a row per area would be most of the publish time).
    /// </summary>
    public const int AreaRowsUpTo = 1000;

    /// <summary>A transaction's body stays under this many bytes (the service allows 4 MiB).</summary>
    public const int TransactionBytes = 2 << 20;

    /// <summary>Entity-group transactions hold at most 100 actions.</summary>
    public const int TransactionSize = 100;

    public const string LatestPartition = "latest";
    public const string LatestSeriesPartition = "latest-series";
    public const string Writing = "writing";
    public const string Complete = "complete";

    /// <summary>A string property holds at most 64 KiB (32 K UTF-16 characters); longer JSON spills into numbered columns.</summary>
    private const int JsonPartLength = 30_000;

    /// <summary>Tables allow 252 properties of one's own; the fixed columns of an area-score row take 2 (series rows 3).</summary>
    private const int MaxAggregateNodes = (252 - 3) / 5;

    public static string Runs(string prefix) => prefix + "Runs";
    public static string Latest(string prefix) => prefix + "Latest";
    public static string AreaScores(string prefix) => prefix + "AreaScores";
    public static string RunBlocks(string prefix) => prefix + "RunBlocks";
    public static string Places(string prefix) => prefix + "Places";
    public static string Series(string prefix) => prefix + "Series";
    public static string SeriesScores(string prefix) => prefix + "SeriesScores";

    /// <summary>A series' rows: one partition per period (or per 1,000 areas of it); '/' of fiscal years becomes '-'.</summary>
    public static string SeriesScorePartition(string frameworkId, string seriesId, ReferencePeriod period, int chunk) =>
        string.Create(CultureInfo.InvariantCulture, $"{frameworkId}|{seriesId}|{period.ToString().Replace('/', '-')}|{chunk:D4}");

    public static string RunPartitionPrefix(string frameworkId, string runId) => $"{frameworkId}|{runId}|";

    public static string AreaScorePartition(string frameworkId, string runId, int chunk) =>
        string.Create(CultureInfo.InvariantCulture, $"{frameworkId}|{runId}|{chunk:D4}");

    public static string BlockPartition(string frameworkId, string runId, int block) =>
        string.Create(CultureInfo.InvariantCulture, $"{frameworkId}|{runId}|{block:D4}");

    public const string AreasRow = "areas";

    public static string NodeRow(string nodeCode) => "node|" + nodeCode;

    public static string IndicatorRow(string indicatorCode) => "indicator|" + indicatorCode;

    public static string PlacePartition(string frameworkId, string runId, string level) => $"{frameworkId}|{runId}|{level}";

    public static string PlaceRow(string nodeCode, string placeCode) => $"{nodeCode}|{placeCode}";

    /// <summary>The exclusive upper bound of keys starting with <paramref name="prefix"/> (which ends in '|').</summary>
    public static string UpperBound(string prefix) => prefix[..^1] + "}";

    /// <summary>A node code as a property name: letters, digits and '_' only, starting with a letter.</summary>
    public static string Column(string nodeCode)
    {
        var chars = nodeCode.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray();
        var name = new string(chars);
        return char.IsAsciiLetter(name[0]) ? name : "N" + name;
    }

    public static void CheckColumns(IReadOnlyList<string> nodeCodes)
    {
        if (nodeCodes.Count > MaxAggregateNodes)
        {
            throw new ArgumentException($"{nodeCodes.Count} aggregate nodes: Table Storage rows hold the scores of at most {MaxAggregateNodes}.");
        }

        var clash = nodeCodes.GroupBy(Column).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            throw new ArgumentException($"Aggregate nodes {string.Join(" and ", clash.Select(c => $"'{c}'"))} share the table column name '{clash.Key}'.");
        }
    }

    public static TableEntity RunEntity(RunPublication p, RunStatus status, Instant? publishedAt)
    {
        var e = new TableEntity(p.FrameworkId, p.RunId)
        {
            ["Period"] = p.Period.ToString(),
            ["ComputedAt"] = p.ComputedAt.ToDateTimeOffset(),
            ["Status"] = status == RunStatus.Complete ? Complete : Writing,
            ["AreaCount"] = p.AreaScores.Count,
            ["IndicatorCount"] = p.IndicatorCount,
            ["Nodes"] = new JArray(p.NodeCodes).ToString(Newtonsoft.Json.Formatting.None),
        };
        if (publishedAt is { } at)
        {
            e["PublishedAt"] = at.ToDateTimeOffset();
        }

        e["Engine"] = p.Engine;
        SetLong(e, "DefinitionJson", p.DefinitionJson);
        return e;
    }

    /// <summary>Text longer than a property holds spills into <c>{column}2</c>, <c>{column}3</c>, … (concatenate in order).</summary>
    private static void SetLong(TableEntity e, string column, string text)
    {
        e[column] = text.Length <= JsonPartLength ? text : text[..JsonPartLength];
        for (var part = 1; part * JsonPartLength < text.Length; part++)
        {
            var start = part * JsonPartLength;
            e[$"{column}{part + 1}"] = text.Substring(start, Math.Min(JsonPartLength, text.Length - start));
        }
    }

    private static string GetLong(TableEntity e, string column)
    {
        var text = e.GetString(column);
        for (var part = 2; e.ContainsKey($"{column}{part}"); part++)
        {
            text += e.GetString($"{column}{part}");
        }

        return text;
    }

    private static string Definition(TableEntity e) => GetLong(e, "DefinitionJson");

    public static bool IsComplete(TableEntity run) => run.GetString("Status") == Complete;

    public static Instant ComputedAt(TableEntity run) => Instant.FromDateTimeOffset(run.GetDateTimeOffset("ComputedAt")!.Value);

    public static IReadOnlyList<string> Nodes(TableEntity run) => JArray.Parse(run.GetString("Nodes")).Select(t => (string)t!).ToList();

    public static PublishedRun ToRun(TableEntity e) =>
        new(e.PartitionKey, e.RowKey, ReferencePeriod.Parse(e.GetString("Period")), ComputedAt(e),
            e.GetDateTimeOffset("PublishedAt") is { } at ? Instant.FromDateTimeOffset(at) : default, Definition(e),
            Int(e, "AreaCount") ?? 0, Int(e, "IndicatorCount") ?? 0, IsComplete(e) ? RunStatus.Complete : RunStatus.Writing);

    public static TableEntity LatestEntity(PublishedRun run) => new(LatestPartition, run.FrameworkId)
    {
        ["RunId"] = run.RunId,
        ["Period"] = run.Period.ToString(),
        ["ComputedAt"] = run.ComputedAt.ToDateTimeOffset(),
    };

    public static TableEntity SeriesEntity(SeriesPublication p, RunStatus status, Instant? publishedAt)
    {
        var e = new TableEntity(p.FrameworkId, p.SeriesId)
        {
            ["TimeMode"] = TimeDefinition.ModeName(p.Time.Mode),
            ["From"] = p.Periods[0].ToString(),
            ["To"] = p.Periods[^1].ToString(),
            ["Periods"] = new JArray(p.Periods.Select(x => x.ToString())).ToString(Newtonsoft.Json.Formatting.None),
            ["ComputedAt"] = p.ComputedAt.ToDateTimeOffset(),
            ["Status"] = status == RunStatus.Complete ? Complete : Writing,
            ["AreaCount"] = p.AreaCount,
            ["Nodes"] = new JArray(p.NodeCodes).ToString(Newtonsoft.Json.Formatting.None),
        };
        Set(e, "Base", p.Time.Base);
        if (publishedAt is { } at)
        {
            e["PublishedAt"] = at.ToDateTimeOffset();
        }

        SetLong(e, "DefinitionJson", p.DefinitionJson);
        return e;
    }

    public static PublishedSeries ToSeries(TableEntity e) =>
        new(e.PartitionKey, e.RowKey, e.GetString("TimeMode"), e.GetString("Base"),
            JArray.Parse(e.GetString("Periods")).Select(t => ReferencePeriod.Parse((string)t!)).ToList(), ComputedAt(e),
            e.GetDateTimeOffset("PublishedAt") is { } at ? Instant.FromDateTimeOffset(at) : default, Definition(e),
            Int(e, "AreaCount") ?? 0, IsComplete(e) ? RunStatus.Complete : RunStatus.Writing);

    public static TableEntity LatestSeriesEntity(PublishedSeries series) => new(LatestSeriesPartition, series.FrameworkId)
    {
        ["SeriesId"] = series.SeriesId,
        ["ComputedAt"] = series.ComputedAt.ToDateTimeOffset(),
    };

    public static TableEntity SeriesScoreEntity(string partition, AreaScoreRow row, int order)
    {
        var e = AreaScoreEntity(partition, row, order);
        e["Period"] = row.Period.ToString();
        return e;
    }

    public static TableEntity AreaScoreEntity(string partition, AreaScoreRow row, int order)
    {
        var e = new TableEntity(partition, row.AreaCode) { ["AreaName"] = row.AreaName, ["Order"] = order };
        AddScores(e, row.Scores);
        return e;
    }

    public static AreaScoreRow ToAreaScoreRow(TableEntity e, string runId, ReferencePeriod period, IReadOnlyList<string> nodeCodes, string areaCode) =>
        new(runId, period, areaCode, e.GetString("AreaName"), nodeCodes.Select(code =>
        {
            var c = Column(code);
            return new NodeScore(code, Double(e, c + "_Score"), Int(e, c + "_Rank"), Int(e, c + "_Decile"), Int(e, c + "_Quintile"),
                Double(e, c + "_Coverage"));
        }).ToList());

    /// <summary>
    /// Block <paramref name="block"/> of a run (areas <c>block·1000</c> onwards): its <c>areas</c> row, one row per
    /// aggregate node and one per indicator, each cell a JSON array over the block's areas in run order.
    /// </summary>
    public static List<TableEntity> BlockEntities(RunPublication p, int block)
    {
        var partition = BlockPartition(p.FrameworkId, p.RunId, block);
        var areas = p.AreaScores;
        var first = block * BlockSize;
        var count = Math.Min(BlockSize, areas.Count - first);
        var rows = new List<TableEntity>(1 + p.NodeCodes.Count + p.IndicatorCount);
        var head = new TableEntity(partition, AreasRow) { ["First"] = first, ["Count"] = count };
        SetLong(head, "AreaCodes", PackedJson.Strings(count, i => areas[first + i].AreaCode));
        SetLong(head, "AreaNames", PackedJson.Strings(count, i => areas[first + i].AreaName));
        rows.Add(head);
        for (var k = 0; k < p.NodeCodes.Count; k++)
        {
            var node = k;
            NodeScore S(int i) => areas[first + i].Scores[node];
            var e = new TableEntity(partition, NodeRow(p.NodeCodes[k])) { ["Node"] = p.NodeCodes[k], ["NodeOrder"] = k, ["First"] = first, ["Count"] = count };
            SetLong(e, "Scores", PackedJson.Numbers(count, i => S(i).Score));
            SetLong(e, "Ranks", PackedJson.Integers(count, i => S(i).Rank));
            SetLong(e, "Deciles", PackedJson.Integers(count, i => S(i).Decile));
            SetLong(e, "Quintiles", PackedJson.Integers(count, i => S(i).Quintile));
            SetLong(e, "Coverage", PackedJson.Numbers(count, i => S(i).Coverage));
            rows.Add(e);
        }

        for (var k = 0; k < p.IndicatorCount; k++)
        {
            var offset = (k * areas.Count) + first;
            IndicatorValueRow V(int i) => p.IndicatorValues[offset + i];
            var v = V(0);
            var e = new TableEntity(partition, IndicatorRow(v.IndicatorCode))
            {
                ["Indicator"] = v.IndicatorCode, ["IndicatorOrder"] = k, ["First"] = first, ["Count"] = count,
            };
            SetLong(e, "RawValues", PackedJson.Numbers(count, i => V(i).RawValue));
            SetLong(e, "NormalisedValues", PackedJson.Numbers(count, i => V(i).NormalisedValue));
            SetLong(e, "PeriodsUsed", PackedJson.Strings(count, i => V(i).PeriodUsed?.ToString()));
            SetLong(e, "Statuses", PackedJson.Strings(count, i => V(i).Status.ToString()));
            SetLong(e, "Reasons", PackedJson.Strings(count, i => V(i).Reason));
            // Provenance is the indicator's (RunPublication gives every value of an indicator the same).
            Set(e, "ProviderId", v.ProviderId);
            Set(e, "Publisher", v.Publisher);
            Set(e, "Dataset", v.Dataset);
            Set(e, "Url", v.Url);
            Set(e, "Licence", v.Licence);
            rows.Add(e);
        }

        return rows;
    }

    /// <summary>The rows of a run rebuilt from its block rows (read in any order).</summary>
    public static (AreaScoreRow[] Areas, IndicatorValueRow[] Values) FromBlocks(IReadOnlyList<TableEntity> entities, PublishedRun run, IReadOnlyList<string> nodeCodes)
    {
        var n = run.AreaCount;
        var codes = new string[n];
        var names = new string[n];
        foreach (var e in entities.Where(e => e.RowKey == AreasRow))
        {
            var first = Int(e, "First") ?? 0;
            PackedJson.ReadStrings(GetLong(e, "AreaCodes")).CopyTo(codes, first);
            PackedJson.ReadStrings(GetLong(e, "AreaNames")).CopyTo(names, first);
        }

        var scores = new NodeScore[n][];
        for (var i = 0; i < n; i++)
        {
            scores[i] = new NodeScore[nodeCodes.Count];
        }

        var values = new IndicatorValueRow[n * run.IndicatorCount];
        foreach (var e in entities.Where(e => e.RowKey != AreasRow))
        {
            var first = Int(e, "First") ?? 0;
            if (e.GetString("Node") is { } node)
            {
                var k = Int(e, "NodeOrder") ?? 0;
                var (s, r, d, q, c) = (PackedJson.ReadNumbers(GetLong(e, "Scores")), PackedJson.ReadIntegers(GetLong(e, "Ranks")),
                    PackedJson.ReadIntegers(GetLong(e, "Deciles")), PackedJson.ReadIntegers(GetLong(e, "Quintiles")), PackedJson.ReadNumbers(GetLong(e, "Coverage")));
                for (var i = 0; i < s.Length; i++)
                {
                    scores[first + i][k] = new NodeScore(node, s[i], r[i], d[i], q[i], c[i]);
                }
            }
            else
            {
                var indicator = e.GetString("Indicator");
                var offset = (Int(e, "IndicatorOrder") ?? 0) * n;
                var (raw, normalised, periods, statuses, reasons) = (PackedJson.ReadNumbers(GetLong(e, "RawValues")),
                    PackedJson.ReadNumbers(GetLong(e, "NormalisedValues")), PackedJson.ReadStrings(GetLong(e, "PeriodsUsed")),
                    PackedJson.ReadStrings(GetLong(e, "Statuses")), PackedJson.ReadStrings(GetLong(e, "Reasons")));
                var (provider, publisher, dataset, url, licence) = (e.GetString("ProviderId"), e.GetString("Publisher"), e.GetString("Dataset"),
                    e.GetString("Url"), e.GetString("Licence"));
                for (var i = 0; i < raw.Length; i++)
                {
                    var a = first + i;
                    values[offset + a] = new IndicatorValueRow(codes[a], names[a], indicator, raw[i], normalised[i],
                        periods[i] is { } p ? ReferencePeriod.Parse(p) : null, Enum.Parse<ValueStatus>(statuses[i]!), reasons[i],
                        provider, publisher, dataset, url, licence);
                }
            }
        }

        var areas = new AreaScoreRow[n];
        for (var i = 0; i < n; i++)
        {
            areas[i] = new AreaScoreRow(run.RunId, run.Period, codes[i], names[i], scores[i]);
        }

        return (areas, values);
    }

    /// <summary>One place's summary on one node: the row dashboards read for roll-ups and inequality.</summary>
    public static TableEntity PlaceEntity(string frameworkId, string runId, PlaceRollup rollup, PlaceSummary s)
    {
        var level = PlaceLevels.Name(rollup.Level);
        var e = new TableEntity(PlacePartition(frameworkId, runId, level), PlaceRow(rollup.Node, s.Place))
        {
            ["Node"] = rollup.Node,
            ["Level"] = level,
            ["PlaceCode"] = s.Place,
            ["PlaceName"] = rollup.Names.GetValueOrDefault(s.Place, s.Place),
            ["HigherIsWorse"] = rollup.HigherIsWorse,
            ["Weighting"] = rollup.Weighting,
            ["Areas"] = s.Areas,
            ["MissingAreas"] = s.MissingAreas,
            ["Population"] = s.Weight,
            ["Mean"] = s.Mean,
            ["LowestFifth"] = s.LowestFifth,
            ["HighestFifth"] = s.HighestFifth,
            ["FifthGap"] = s.FifthGap,
            ["AverageRank"] = s.AverageRank,
            ["ProportionMostDeprivedTenth"] = s.ProportionMostDeprivedTenth,
            ["Extent"] = s.Extent,
            ["LocalConcentration"] = s.LocalConcentration,
        };
        Set(e, "Gini", s.Gini);
        Set(e, "Atkinson05", s.Atkinson05);
        Set(e, "Atkinson1", s.Atkinson1);
        Set(e, "AdjustedMean05", s.AdjustedMean05);
        Set(e, "AdjustedMean1", s.AdjustedMean1);
        Set(e, "Note", s.Note);
        return e;
    }

    /// <summary>Rough size of an entity on the wire (UTF-16 strings, a little per property), to keep transactions small.</summary>
    public static int ApproximateBytes(TableEntity e) => e.Sum(kv => 64 + (kv.Value is string text ? 2 * text.Length : 16));

    /// <summary>Numbers come back as Int32, Int64 or Double depending on how the service typed them.</summary>
    public static int? Int(TableEntity e, string key) =>
        e.TryGetValue(key, out var v) && v is not null ? Convert.ToInt32(v, CultureInfo.InvariantCulture) : null;

    public static double? Double(TableEntity e, string key) =>
        e.TryGetValue(key, out var v) && v is not null ? Convert.ToDouble(v, CultureInfo.InvariantCulture) : null;

    private static void AddScores(TableEntity e, IReadOnlyList<NodeScore> scores)
    {
        foreach (var s in scores)
        {
            var c = Column(s.NodeCode);
            Set(e, c + "_Score", s.Score);
            Set(e, c + "_Rank", s.Rank);
            Set(e, c + "_Decile", s.Decile);
            Set(e, c + "_Quintile", s.Quintile);
            Set(e, c + "_Coverage", s.Coverage);
        }
    }

    /// <summary>Missing values are left out of the row, which readers (and Power BI) see as null.</summary>
    private static void Set(TableEntity e, string key, object? value)
    {
        if (value is not null)
        {
            e[key] = value;
        }
    }
}
