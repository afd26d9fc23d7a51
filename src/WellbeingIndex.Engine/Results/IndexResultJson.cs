using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using WellbeingIndex.Engine.Definition;

namespace WellbeingIndex.Engine.Results;

/// <summary>
/// The run as JSON: the definition it used (so the run can be replayed), then per area every node's score, rank,
/// decile, quintile and coverage, then what imputation and treatment changed. Missing scores are null.
/// </summary>
public static class IndexResultJson
{
    public static void Write(IndexResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var json = new JsonTextWriter(writer) { Formatting = Formatting.Indented, CloseOutput = false };
        json.WriteStartObject();
        json.WritePropertyName("definition");
        IndexDefinitionJson.ToJson(result.Definition).WriteTo(json);
        json.WritePropertyName("index");
        json.WriteValue(result.Definition.Root.Code);
        json.WritePropertyName("areas");
        json.WriteStartArray();
        for (var i = 0; i < result.AreaCodes.Length; i++)
        {
            json.WriteStartObject();
            json.WritePropertyName("uCode");
            json.WriteValue(result.AreaCodes[i]);
            json.WritePropertyName("uName");
            json.WriteValue(result.AreaNames[i]);
            json.WritePropertyName("nodes");
            json.WriteStartObject();
            foreach (var node in result.Scores)
            {
                json.WritePropertyName(node.Code);
                json.WriteStartObject();
                json.WritePropertyName("score");
                WriteNumber(json, node.Scores[i]);
                json.WritePropertyName("rank");
                WriteRank(json, node.Ranks[i]);
                json.WritePropertyName("decile");
                WriteRank(json, node.Deciles[i]);
                json.WritePropertyName("quintile");
                WriteRank(json, node.Quintiles[i]);
                if (node.HasCoverage)
                {
                    json.WritePropertyName("coverage");
                    json.WriteValue(node.Coverage[i]);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WritePropertyName("imputed");
        json.WriteStartObject();
        foreach (var (indicator, count) in result.ImputedCounts)
        {
            json.WritePropertyName(indicator);
            json.WriteValue(count);
        }

        json.WriteEndObject();
        json.WritePropertyName("treatments");
        json.WriteStartArray();
        foreach (var t in result.Treatments)
        {
            new JObject
            {
                [nameof(t.Indicator)] = t.Indicator,
                [nameof(t.Method)] = t.Method,
                [nameof(t.ClippedLow)] = t.ClippedLow,
                [nameof(t.ClippedHigh)] = t.ClippedHigh,
                [nameof(t.LogTransformed)] = t.LogTransformed,
                [nameof(t.Note)] = t.Note,
            }.WriteTo(json);
        }

        json.WriteEndArray();
        if (result.Screening is { } screening)
        {
            json.WritePropertyName("screenedOut");
            new JArray(screening.RemovedUnits).WriteTo(json);
        }

        json.WriteEndObject();
    }

    private static void WriteNumber(JsonWriter json, double value)
    {
        if (double.IsNaN(value))
        {
            json.WriteNull();
        }
        else
        {
            json.WriteValue(value);
        }
    }

    private static void WriteRank(JsonWriter json, int rank)
    {
        if (rank == 0)
        {
            json.WriteNull();
        }
        else
        {
            json.WriteValue(rank);
        }
    }
}
