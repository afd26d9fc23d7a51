using Newtonsoft.Json.Linq;
using WellbeingIndex.Functions.Http;
using WellbeingIndex.Functions.Timer;

namespace WellbeingIndex.Functions.Tests.Timer;

public class TimerInvocationTests
{
    [Fact]
    public void The_hosts_timer_payload_is_read()
    {
        var payload = JObject.Parse("""
            {"Data": {"timer": {"Schedule": {"AdjustForDST": true}, "ScheduleStatus": null, "IsPastDue": true}},
             "Metadata": {"sys": {"MethodName": "PublishIndex", "UtcNow": "2026-11-22T06:00:00.0043Z", "RandGuid": "0f0e"}}}
            """);
        Assert.True(TimerInvocation.ReadIsPastDue(payload));
        payload["Data"]!["timer"] = """{"IsPastDue": false}""";
        Assert.False(TimerInvocation.ReadIsPastDue(payload));
    }

    [Fact]
    public void A_payload_without_the_timer_binding_names_it()
    {
        var e = Assert.Throws<ApiException>(() => TimerInvocation.ReadIsPastDue(JObject.Parse("""{"Data": {}}""")));
        Assert.Equal(400, e.Problem.Status);
        Assert.Equal(["Data.timer"], e.Problem.Errors!.Keys);
    }

    [Fact]
    public void The_response_has_the_shape_the_host_reads()
    {
        var response = TimerInvocation.Response(["published london 2022"]);
        Assert.Equal(["Outputs", "Logs", "ReturnValue"], response.Properties().Select(p => p.Name));
        Assert.Equal("published london 2022", response["Logs"]![0]!.Value<string>());
        Assert.Equal(JTokenType.Null, response["ReturnValue"]!.Type);
    }
}
