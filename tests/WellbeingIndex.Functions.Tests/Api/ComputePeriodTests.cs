using System.Net;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators;
using WellbeingIndex.Providers;

namespace WellbeingIndex.Functions.Tests.Api;

public class ComputePeriodTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private Task<HttpResponseMessage> PostAsync(string period) =>
        factory.CreateClient().PostAsync("/api/frameworks/london/compute", ApiFactory.Json($"{{\"period\": \"{period}\"}}"));

    [Fact]
    public async Task A_period_before_an_indicators_first_data_is_named_with_the_earliest_that_works()
    {
        // The earliest computable period is the latest of the indicators' first periods, read from the providers directly.
        var catalog = ProviderCatalog.Discover(new ProviderContext(DataDirectory.FromEnvironment()), [BuiltInIndicators.Assembly]);
        var firsts = new List<ReferencePeriod>();
        foreach (var node in DirectRun.London.Definition.Indicators)
        {
            firsts.Add((await catalog.Get(node.Provider!).GetAvailablePeriodsAsync())[0]);
        }

        var earliest = firsts.Max();
        var problem = await ProblemAssert.IsProblemAsync(await PostAsync((earliest.Start.Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            HttpStatusCode.BadRequest, "period");
        Assert.Contains($"the earliest period every indicator has data for is {earliest}", problem["errors"]!["period"]![0]!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(earliest.End.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))).StatusCode);
    }
}
