using System.Text.Json;
using NodaTime;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Api.Http;

namespace WellbeingIndex.Functions.Tests.Http;

public class ApiJsonTests
{
    [Fact]
    public void Members_are_camel_case_but_keys_enums_periods_and_instants_keep_their_meaning()
    {
        using var json = JsonDocument.Parse(ApiJson.Serialize(new
        {
            Period = ReferencePeriod.ForFinancialYear(2019),
            Missing = (ReferencePeriod?)null,
            At = Instant.FromUtc(2026, 3, 29, 5, 0),
            Status = ValueStatus.NotAvailable,
            Weights = new Dictionary<string, double> { ["HousingAffordability"] = 2 },
            Name = "Hammersmith & Fulham – 2019/20",
        }));
        var root = json.RootElement;
        Assert.Equal("2019/20", root.GetProperty("period").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("missing").ValueKind);
        Assert.Equal("2026-03-29T05:00:00Z", root.GetProperty("at").GetString());
        Assert.Equal("notAvailable", root.GetProperty("status").GetString());
        Assert.Equal(2, root.GetProperty("weights").GetProperty("HousingAffordability").GetDouble());
        Assert.Equal("Hammersmith & Fulham – 2019/20", root.GetProperty("name").GetString());
    }

    [Fact]
    public void NaN_and_infinity_never_leave_the_api()
    {
        Assert.ThrowsAny<ArgumentException>(() => ApiJson.Serialize(new { Score = double.NaN }));
        Assert.ThrowsAny<ArgumentException>(() => ApiJson.Serialize(new { Score = double.PositiveInfinity }));
    }

    [Fact]
    public void A_period_is_read_from_its_text_form_and_anything_else_is_refused()
    {
        Assert.Equal(ReferencePeriod.ForFinancialYear(2019), JsonSerializer.Deserialize<ReferencePeriod>("\"2019/20\"", ApiJson.Options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ReferencePeriod>("2019", ApiJson.Options));
    }
}
