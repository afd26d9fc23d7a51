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

    /// <summary>"p05–p95" from an uncertainty entry (the API's numbers are whole ranks).</summary>
    public static string Interval(JToken? uncertainty) =>
        uncertainty?["rankP05"]?.Type == JTokenType.Float || uncertainty?["rankP05"]?.Type == JTokenType.Integer
            ? $"{uncertainty["rankP05"]!.Value<double>().ToString(CultureInfo.InvariantCulture)}–{uncertainty["rankP95"]!.Value<double>().ToString(CultureInfo.InvariantCulture)}"
            : "–";
}
