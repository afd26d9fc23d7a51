using Newtonsoft.Json.Linq;
using WellbeingIndex.Engine.Definition;

namespace WellbeingIndex.Engine.Tests.Definition;

public class TimeDefinitionTests
{
    private static JObject WithTime(JToken time)
    {
        var json = JObject.Parse("""
            {"id": "t", "steps": [{"step": "normalise", "method": "minmax"}, {"step": "aggregate", "method": "amean"}],
             "nodes": [{"code": "x", "type": "indicator", "parent": "i"}, {"code": "i", "type": "aggregate", "parent": null}]}
            """);
        json["time"] = time;
        return json;
    }

    [Fact]
    public void Reads_and_round_trips_the_time_block()
    {
        var d = IndexDefinitionJson.Read(WithTime(JObject.Parse("""{"mode": "base-period", "base": "2015", "baseWeights": "population", "from": "2015", "to": "2022"}""")).ToString());

        Assert.Equal(new TimeDefinition(TimeMode.BasePeriod, "2015", "population", "2015", "2022"), d.Time);
        Assert.Equal(d.Time, IndexDefinitionJson.Read(IndexDefinitionJson.ToJson(d).ToString()).Time);
        Assert.Null(IndexDefinitionJson.Read(WithTime(JValue.CreateNull()).ToString()).Time);
    }

    [Theory]
    [InlineData("""{"mode": "yearly"}""", "$.time.mode", "not a time mode")]
    [InlineData("""{"mode": "base-period"}""", "$.time.base", "is required when mode is base-period")]
    [InlineData("""{"mode": "pooled", "base": "2015"}""", "$.time.base", "applies to mode base-period only")]
    [InlineData("""{"mode": "pooled", "baseWeights": "pop"}""", "$.time.baseWeights", "applies to mode base-period only")]
    [InlineData("""{"mode": "base-period", "base": "20x5"}""", "$.time.base", "is not a period")]
    [InlineData("""{"mode": "pooled", "from": "2022", "to": "2015"}""", "$.time.to", "is before from")]
    [InlineData("""{"mode": "base-period", "base": "2010", "from": "2015"}""", "$.time.base", "outside the series' periods")]
    [InlineData("""{"mode": "pooled", "every": 2}""", "$.time.every", "unknown property")]
    [InlineData("""{"mode": 3}""", "$.time.mode", "must be a string")]
    public void Reports_time_problems_at_their_path(string time, string path, string message)
    {
        var e = Assert.Throws<DefinitionException>(() => IndexDefinitionJson.Read(WithTime(JObject.Parse(time)).ToString()));
        Assert.Contains(e.Problems, p => p.Path == path && p.Message.Contains(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("pooled", TimeMode.Pooled, null)]
    [InlineData("per-period", TimeMode.PerPeriod, null)]
    [InlineData("base=2018", TimeMode.BasePeriod, "2018")]
    [InlineData("base=2018/19", TimeMode.BasePeriod, "2018/19")]
    public void Parses_the_command_line_spelling(string flag, TimeMode mode, string? basePeriod)
    {
        var t = TimeDefinition.ParseFlag(flag);
        Assert.Equal((mode, basePeriod), (t.Mode, t.Base));
    }

    [Theory]
    [InlineData("base-period")]
    [InlineData("base=")]
    [InlineData("global")]
    public void Rejects_other_command_line_spellings(string flag) =>
        Assert.Throws<FormatException>(() => TimeDefinition.ParseFlag(flag));
}
