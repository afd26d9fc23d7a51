using Microsoft.Extensions.Configuration;
using WellbeingIndex.Api;

namespace WellbeingIndex.Functions.Tests;

public class ApiSettingsTests
{
    private static ApiSettings Read(params (string Key, string Value)[] values) =>
        ApiSettings.From(new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build());

    [Fact]
    public void Defaults_need_no_configuration()
    {
        var settings = Read();
        Assert.Null(settings.TablesConnectionString);
        Assert.Equal(["london"], settings.Frameworks);
        Assert.Equal(64 * 1024, settings.MaxBodyBytes);
        Assert.True(settings.TimerEnabled);
        Assert.True(settings.PublishOnStart);
        Assert.False(settings.UnderFunctionsHost);
        Assert.Null(settings.PublishKey);
        Assert.Equal("0 0 6 * * *", settings.Schedule); // 06:00 every day, as the function app's local.settings example
    }

    [Fact]
    public void Values_are_read_and_trimmed()
    {
        var settings = Read(("WELLBEING_FRAMEWORKS", " london , other "), ("WELLBEING_MAX_BODY_BYTES", "1024"), ("WELLBEING_TIMER", "off"),
            ("WELLBEING_PUBLISH_ON_START", "false"), ("WELLBEING_PUBLISH_SCHEDULE", " 0 30 18 * * 1-5 "), ("WELLBEING_TABLES", "UseDevelopmentStorage=true"));
        Assert.Equal(["london", "other"], settings.Frameworks);
        Assert.Equal(1024, settings.MaxBodyBytes);
        Assert.False(settings.TimerEnabled);
        Assert.False(settings.PublishOnStart);
        Assert.Equal("0 30 18 * * 1-5", settings.Schedule);
        Assert.Equal("UseDevelopmentStorage=true", settings.TablesConnectionString);
    }

    [Theory]
    [InlineData("WELLBEING_MAX_BODY_BYTES", "64k")]
    [InlineData("WELLBEING_TIMER", "sometimes")]
    public void A_malformed_value_names_the_variable(string key, string value)
    {
        var e = Assert.Throws<InvalidOperationException>(() => Read((key, value)));
        Assert.Contains(key, e.Message);
        Assert.Contains(value, e.Message);
    }
}
