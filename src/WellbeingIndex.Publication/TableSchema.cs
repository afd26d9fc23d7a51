using System.Globalization;
using Azure.Data.Tables;
using Newtonsoft.Json.Linq;
using NodaTime;
using WellbeingIndex.Abstractions;

namespace WellbeingIndex.Publication;

/// <summary>
/// Table names, key scheme and entity columns of <see cref="TableResultStore"/>; <c>functions/TABLES.md</c> documents
/// the same for dashboards, so a change here is a change there.
/// </summary>
internal static class TableSchema
{
    /// <summary>Areas per area-score partition and per indicator-value partition (one indicator's values).</summary>
    public const int PartitionSize = 1000;

    /// <summary>Entity-group transactions hold at most 100 actions.</summary>
    public const int TransactionSize = 100;

    public const string LatestPartition = "latest";
    public const string Writing = "writing";
    public const string Complete = "complete";

    /// <summary>A string property holds at most 64 KiB (32 K UTF-16 characters); longer JSON spills into numbered columns.</summary>
    private const int JsonPartLength = 30_000;

    /// <summary>Tables allow 252 properties of one's own; the fixed columns of a history row take 7.</summary>
    private const int MaxAggregateNodes = (252 - 7) / 5;

    public static string Runs(string prefix) => prefix + "Runs";
    public static string Latest(string prefix) => prefix + "Latest";
    public static string AreaScores(string prefix) => prefix + "AreaScores";
    public static string AreaHistory(string prefix) => prefix + "AreaHistory";
    public static string IndicatorValues(string prefix) => prefix + "IndicatorValues";

    public static string RunPartitionPrefix(string frameworkId, string runId) => $"{frameworkId}|{runId}|";

    public static string AreaScorePartition(string frameworkId, string runId, int chunk) =>
        string.Create(CultureInfo.InvariantCulture, $"{frameworkId}|{runId}|{chunk:D4}");

    public static string IndicatorValuePartition(string frameworkId, string runId, string indicator, int chunk) =>
        string.Create(CultureInfo.InvariantCulture, $"{frameworkId}|{runId}|{indicator}|{chunk:D4}");

    /// <summary>History partitions group areas by code minus its last two characters (at most 100 GSS codes each).</summary>
    public static string HistoryPartition(string frameworkId, string areaCode) =>
        $"{frameworkId}|{(areaCode.Length > 2 ? areaCode[..^2] : areaCode)}";

    public static string HistoryRow(string areaCode, string runId) => $"{areaCode}|{runId}";

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

        for (var part = 0; part * JsonPartLength < p.DefinitionJson.Length; part++)
        {
            var start = part * JsonPartLength;
            e[part == 0 ? "DefinitionJson" : $"DefinitionJson{part + 1}"] = p.DefinitionJson.Substring(start, Math.Min(JsonPartLength, p.DefinitionJson.Length - start));
        }

        return e;
    }

    public static bool IsComplete(TableEntity run) => run.GetString("Status") == Complete;

    public static Instant ComputedAt(TableEntity run) => Instant.FromDateTimeOffset(run.GetDateTimeOffset("ComputedAt")!.Value);

    public static IReadOnlyList<string> Nodes(TableEntity run) => JArray.Parse(run.GetString("Nodes")).Select(t => (string)t!).ToList();

    public static PublishedRun ToRun(TableEntity e)
    {
        var json = e.GetString("DefinitionJson");
        for (var part = 2; e.ContainsKey($"DefinitionJson{part}"); part++)
        {
            json += e.GetString($"DefinitionJson{part}");
        }

        return new PublishedRun(e.PartitionKey, e.RowKey, ReferencePeriod.Parse(e.GetString("Period")), ComputedAt(e),
            e.GetDateTimeOffset("PublishedAt") is { } at ? Instant.FromDateTimeOffset(at) : default, json,
            Int(e, "AreaCount") ?? 0, Int(e, "IndicatorCount") ?? 0, IsComplete(e) ? RunStatus.Complete : RunStatus.Writing);
    }

    public static TableEntity LatestEntity(PublishedRun run) => new(LatestPartition, run.FrameworkId)
    {
        ["RunId"] = run.RunId,
        ["Period"] = run.Period.ToString(),
        ["ComputedAt"] = run.ComputedAt.ToDateTimeOffset(),
    };

    public static TableEntity AreaScoreEntity(string partition, AreaScoreRow row, int order)
    {
        var e = new TableEntity(partition, row.AreaCode) { ["AreaName"] = row.AreaName, ["Order"] = order };
        AddScores(e, row.Scores);
        return e;
    }

    public static TableEntity HistoryEntity(string frameworkId, AreaScoreRow row, Instant computedAt)
    {
        var e = new TableEntity(HistoryPartition(frameworkId, row.AreaCode), HistoryRow(row.AreaCode, row.RunId))
        {
            ["RunId"] = row.RunId,
            ["Period"] = row.Period.ToString(),
            ["ComputedAt"] = computedAt.ToDateTimeOffset(),
            ["AreaCode"] = row.AreaCode,
            ["AreaName"] = row.AreaName,
        };
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

    public static TableEntity IndicatorValueEntity(string partition, IndicatorValueRow row, int order, int indicatorOrder)
    {
        var e = new TableEntity(partition, row.AreaCode)
        {
            ["AreaName"] = row.AreaName,
            ["IndicatorCode"] = row.IndicatorCode,
            ["Order"] = order,
            ["IndicatorOrder"] = indicatorOrder,
            ["Status"] = row.Status.ToString(),
        };
        Set(e, "RawValue", row.RawValue);
        Set(e, "NormalisedValue", row.NormalisedValue);
        Set(e, "PeriodUsed", row.PeriodUsed?.ToString());
        Set(e, "Reason", row.Reason);
        Set(e, "ProviderId", row.ProviderId);
        Set(e, "Publisher", row.Publisher);
        Set(e, "Dataset", row.Dataset);
        Set(e, "Url", row.Url);
        Set(e, "Licence", row.Licence);
        return e;
    }

    public static IndicatorValueRow ToIndicatorValueRow(TableEntity e) =>
        new(e.RowKey, e.GetString("AreaName"), e.GetString("IndicatorCode"), Double(e, "RawValue"), Double(e, "NormalisedValue"),
            e.GetString("PeriodUsed") is { } p ? ReferencePeriod.Parse(p) : null, Enum.Parse<ValueStatus>(e.GetString("Status")),
            e.GetString("Reason"), e.GetString("ProviderId"), e.GetString("Publisher"), e.GetString("Dataset"), e.GetString("Url"),
            e.GetString("Licence"));

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
