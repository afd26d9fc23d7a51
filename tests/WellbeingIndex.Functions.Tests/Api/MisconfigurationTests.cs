using System.Net;
using WellbeingIndex.Api;
using WellbeingIndex.Server;

namespace WellbeingIndex.Functions.Tests.Api;

public class MisconfigurationTests
{
    [Fact]
    public async Task A_wrong_data_directory_leaves_health_up_and_makes_data_requests_say_what_to_check()
    {
        var missing = Path.Combine(Path.GetTempPath(), "wellbeing-no-such-dir-" + Guid.NewGuid().ToString("N"));
        using var factory = new ApiFactory(new Dictionary<string, string?> { [ApiSettings.DataDirKey] = missing });
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/health")).StatusCode);

        var problem = await ProblemAssert.IsProblemAsync(await client.PostAsync("/api/frameworks/london/compute", ApiFactory.Json("{}")),
            HttpStatusCode.InternalServerError);
        Assert.Contains("WELLBEING_DATA_DIR", problem["detail"]!.ToString());
        Assert.DoesNotContain(missing, problem.ToString());
        Assert.DoesNotContain("   at ", problem.ToString());
    }
}
