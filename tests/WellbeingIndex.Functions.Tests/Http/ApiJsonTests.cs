using Newtonsoft.Json.Linq;
using NodaTime;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Functions.Http;

namespace WellbeingIndex.Functions.Tests.Http;

public class ApiJsonTests
{
    [Fact]
    public void Members_are_camel_case_but_keys_enums_periods_and_instants_keep_their_meaning()
    {
        var json = Newtonsoft.Json.JsonConvert.DeserializeObject<JObject>(ApiJson.Serialize(new
        {
            Period = ReferencePeriod.ForFinancialYear(2019),
            Missing = (ReferencePeriod?)null,
            At = Instant.FromUtc(2026, 3, 29, 5, 0),
            Status = ValueStatus.NotAvailable,
            Weights = new Dictionary<string, double> { ["HousingAffordability"] = 2 },
        }), new Newtonsoft.Json.JsonSerializerSettings { DateParseHandling = Newtonsoft.Json.DateParseHandling.None })!;
        Assert.Equal("2019/20", json["period"]!.Value<string>());
        Assert.Equal(JTokenType.Null, json["missing"]!.Type);
        Assert.Equal("2026-03-29T05:00:00Z", json["at"]!.Value<string>());
        Assert.Equal("notAvailable", json["status"]!.Value<string>());
        Assert.Equal(2, json["weights"]!["HousingAffordability"]!.Value<double>());
    }
}
