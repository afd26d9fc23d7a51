using System.Diagnostics;
using System.Net;
using Azure.Data.Tables;
using Newtonsoft.Json.Linq;
using NodaTime;
using NodaTime.Testing;
using WellbeingIndex.Api;
using WellbeingIndex.Api.Operations;
using WellbeingIndex.Tests.Azurite;
using Xunit.Abstractions;

namespace WellbeingIndex.Functions.Tests.Api;

/// <summary>
/// The storage findings of issue 13 through the standalone API: vanished tables answer what is true (404 "no published
/// run", then a publish recreates them) instead of 500 TableNotFound; unreachable storage answers 503 with
/// <c>Retry-After</c> and a problem carrying the storage's status and code; liveness stays up while readiness says why not.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class StorageFaultEndpointTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static HttpRequestMessage Publish() =>
        new(HttpMethod.Post, "/api/frameworks/london/publish") { Headers = { { ApiOperations.KeyHeader, ApiFactory.Key } } };

    [Fact]
    public async Task After_the_tables_vanished_latest_is_a_404_no_published_run_and_a_publish_recreates_them()
    {
        var prefix = "Gone" + Guid.NewGuid().ToString("N")[..12];
        var clock = new FakeClock(SystemClock.Instance.GetCurrentInstant());
        using var factory = new ApiFactory(new Dictionary<string, string?>
        {
            [ApiSettings.TablesKey] = azurite.ConnectionString,
            [ApiSettings.TablePrefixKey] = prefix,
        }, clock);
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(Publish())).StatusCode);
        var runId = (await ApiFactory.JsonAsync(await client.GetAsync("/api/frameworks/london/runs/latest")))["run"]!["runId"]!.Value<string>();

        // An emulator restart: every table gone under the running app.
        var service = new TableServiceClient(azurite.ConnectionString);
        await foreach (var table in service.QueryAsync(t => t.Name.CompareTo(prefix) >= 0 && t.Name.CompareTo(prefix + "~") < 0))
        {
            await service.DeleteTableAsync(table.Name);
        }

        // The latest pointer is trusted for 1 s after a read (TableResultStore's revalidation interval); then re-read.
        clock.Advance(Duration.FromSeconds(1));

        var latest = await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/frameworks/london/runs/latest"), HttpStatusCode.NotFound);
        Assert.Equal("NoPublishedRun", latest["code"]!.Value<string>());
        Assert.Contains("no published run", latest["detail"]!.Value<string>(), StringComparison.Ordinal);
        await ProblemAssert.IsProblemAsync(await client.GetAsync($"/api/frameworks/london/runs/{runId}"), HttpStatusCode.NotFound, "runId");
        var series = await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/frameworks/london/series"), HttpStatusCode.NotFound);
        Assert.Equal("NoPublishedSeries", series["code"]!.Value<string>());

        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(Publish())).StatusCode);
        var again = await ApiFactory.JsonAsync(await client.GetAsync("/api/frameworks/london/runs/latest"));
        Assert.Equal(runId, again["run"]!["runId"]!.Value<string>()); // same data, same run
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/frameworks/london/series")).StatusCode);
    }

    [Fact]
    public async Task Unreachable_storage_is_a_503_with_retry_after_and_the_storage_status_and_code_while_liveness_stays_up()
    {
        using var factory = new ApiFactory(new Dictionary<string, string?> { [ApiSettings.TablesKey] = AzuriteProcess.UnreachableConnectionString() });
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/health")).StatusCode); // warm up: start-up is not the fault

        var latencies = new List<string>();
        foreach (var request in new Func<HttpRequestMessage>[]
                 {
                     () => new(HttpMethod.Get, "/api/frameworks/london/runs/latest"),
                     () => new(HttpMethod.Get, "/api/frameworks/london/runs/2023-17484d4417241c38"),
                     () => new(HttpMethod.Get, "/api/frameworks/london/series"),
                     () => new(HttpMethod.Get, "/api/frameworks/london/areas/E09000007/history"),
                     Publish,
                 })
        {
            var message = request();
            var clock = Stopwatch.StartNew();
            var response = await client.SendAsync(message);
            latencies.Add($"{message.Method} {message.RequestUri}: {clock.Elapsed.TotalMilliseconds:0} ms");
            var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable);
            Assert.Equal("5", response.Headers.GetValues("Retry-After").Single());
            Assert.Equal("StorageUnreachable", problem["code"]!.Value<string>());
            Assert.Equal(0, problem["storageStatus"]!.Value<int>()); // nothing answered
            Assert.Equal("https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4", problem["type"]!.Value<string>());
            Assert.DoesNotContain("127.0.0.1", problem.ToString(), StringComparison.Ordinal); // the endpoint is for the log only
        }

        var clockLive = Stopwatch.StartNew();
        var live = await ApiFactory.JsonAsync(await client.GetAsync("/api/health"));
        latencies.Add($"GET /api/health: {clockLive.Elapsed.TotalMilliseconds:0} ms");
        Assert.Equal("ok", live["status"]!.Value<string>());

        var clockReady = Stopwatch.StartNew();
        var readyResponse = await client.GetAsync("/api/health/ready");
        latencies.Add($"GET /api/health/ready: {clockReady.Elapsed.TotalMilliseconds:0} ms");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyResponse.StatusCode);
        Assert.Equal("5", readyResponse.Headers.GetValues("Retry-After").Single());
        var ready = await ApiFactory.JsonAsync(readyResponse);
        Assert.Equal("not-ready", ready["status"]!.Value<string>());
        Assert.Equal(["storage:failed", "data:ok"], ready["checks"]!.Select(c => $"{c["name"]}:{c["status"]}"));
        // The client's retries (about 0.6 s) usually end first; on a loaded machine the 2 s readiness bound can.
        Assert.Matches(@"\(StorageUnreachable\)|did not answer within 2 s", ready["checks"]![0]!["detail"]!.Value<string>());
        output.WriteLine(string.Join(Environment.NewLine, latencies));
    }

    [Fact]
    public async Task Readiness_is_200_when_tables_answer_and_the_data_directory_is_readable()
    {
        using var factory = new ApiFactory(new Dictionary<string, string?>
        {
            [ApiSettings.TablesKey] = azurite.ConnectionString,
            [ApiSettings.TablePrefixKey] = "Ready" + Guid.NewGuid().ToString("N")[..12],
        });
        var ready = await ApiFactory.JsonAsync(await factory.CreateClient().GetAsync("/api/health/ready"));
        Assert.Equal("ready", ready["status"]!.Value<string>());
        Assert.Equal(["storage:ok", "data:ok"], ready["checks"]!.Select(c => $"{c["name"]}:{c["status"]}"));
    }

    [Fact]
    public async Task Readiness_names_a_missing_data_directory_without_revealing_its_path()
    {
        var missing = Path.Combine(Path.GetTempPath(), "wellbeing-no-such-dir-" + Guid.NewGuid().ToString("N"));
        using var factory = new ApiFactory(new Dictionary<string, string?> { [ApiSettings.DataDirKey] = missing });
        var response = await factory.CreateClient().GetAsync("/api/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var ready = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["storage:ok", "data:failed"], ready["checks"]!.Select(c => $"{c["name"]}:{c["status"]}"));
        Assert.Contains(ApiSettings.DataDirKey, ready["checks"]![1]!["detail"]!.Value<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(missing, ready.ToString(), StringComparison.Ordinal);
    }
}
