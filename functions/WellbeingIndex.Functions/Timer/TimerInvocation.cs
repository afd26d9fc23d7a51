using Newtonsoft.Json.Linq;

namespace WellbeingIndex.Functions.Timer;

/// <summary>
/// The custom-handler protocol for a non-HTTP trigger: the host POSTs <c>{"Data": {"timer": …}, "Metadata": …}</c> to
/// <c>/PublishIndex</c> and reads back <c>{"Outputs": {}, "Logs": [...], "ReturnValue": null}</c>; the logs appear in the
/// host's invocation log.
/// </summary>
public static class TimerInvocation
{
    /// <summary>Checks the payload has the shape the host sends; returns whether the host reports the run as past due.</summary>
    public static bool ReadIsPastDue(JObject payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload["Data"] is not JObject data)
        {
            throw Http.ApiProblem.Field("Data", "the invocation payload must have a Data object holding the timer binding.").ToException();
        }

        if (data["timer"] is not { } timer)
        {
            throw Http.ApiProblem.Field("Data.timer", "missing: the timer trigger binding is named 'timer' in PublishIndex/function.json.").ToException();
        }

        // The host sends the binding as an object, or as a JSON string of it depending on version.
        var obj = timer as JObject ?? (timer.Type == JTokenType.String ? TryParse(timer.Value<string>()!) : null);
        return obj?["IsPastDue"]?.Type == JTokenType.Boolean && obj["IsPastDue"]!.Value<bool>();
    }

    public static JObject Response(IEnumerable<string> logs) => new()
    {
        ["Outputs"] = new JObject(),
        ["Logs"] = new JArray(logs),
        ["ReturnValue"] = JValue.CreateNull(),
    };

    private static JObject? TryParse(string text)
    {
        try
        {
            return JToken.Parse(text) as JObject;
        }
        catch (Newtonsoft.Json.JsonReaderException)
        {
            return null;
        }
    }
}
