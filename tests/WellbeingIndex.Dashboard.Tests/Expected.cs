using System.Globalization;
using Newtonsoft.Json.Linq;

namespace WellbeingIndex.Dashboard.Tests;

/// <summary>What the table must show, read straight from an API run document (not from the dashboard's code).</summary>
public static class Expected
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The run's index node: the API lists the index first in every area's scores.</summary>
    public static string IndexCode(JObject run) => (string)run["areas"]![0]!["scores"]![0]!["nodeCode"]!;

    public static JToken IndexScore(JToken area) => area["scores"]![0]!;

    /// <summary>Areas best first; unscored last; ties in ordinal order of the area code.</summary>
    public static List<JToken> InRankOrder(JObject run) => run["areas"]!
        .OrderBy(a => IndexScore(a)["rank"]!.Value<int?>() ?? int.MaxValue)
        .ThenBy(a => (string)a["areaCode"]!, StringComparer.Ordinal)
        .ToList();

    public static Dictionary<string, int?> Ranks(JObject run) => run["areas"]!.ToDictionary(
        a => (string)a["areaCode"]!, a => IndexScore(a)["rank"]!.Value<int?>());

    /// <summary>A number as the dashboard prints it (en-GB, one decimal), or the dash for missing.</summary>
    public static string OneDecimal(double? value) => value is { } v ? v.ToString("N1", EnGb) : "–";

    public static string Int(int? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "–";

    /// <summary>
    /// "p05–p95" from an uncertainty entry: percentiles of ranks can fall between ranks (8.95), so at most one decimal,
    /// half away from zero (8.95 → "9", 12.05 → "12.1").
    /// </summary>
    public static string Interval(JToken? uncertainty) =>
        uncertainty?["rankP05"]?.Type is JTokenType.Float or JTokenType.Integer
            ? $"{RankPercentile(uncertainty["rankP05"]!.Value<double>())}–{RankPercentile(uncertainty["rankP95"]!.Value<double>())}"
            : "–";

    private static string RankPercentile(double v) => Math.Round(v, 1, MidpointRounding.AwayFromZero).ToString("#,##0.#", EnGb);
}
