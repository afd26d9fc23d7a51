using System.Net;
using System.Net.Http.Headers;
using Newtonsoft.Json.Linq;
using WellbeingIndex.Api.Http;
using WellbeingIndex.Functions.Tests.Api;

namespace WellbeingIndex.Functions.Tests.Server;

/// <summary>
/// Issue 13 item 6 on the real standalone server (Kestrel over loopback): HEAD on every GET route, nosniff everywhere,
/// Vary: Accept where JSON and CSV are negotiated, immutable runs with strong ETags and 304, Brotli/gzip compression.
/// </summary>
public class KestrelHygieneTests
{
    private static HttpRequestMessage Request(HttpMethod method, string path, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, path);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    [Fact]
    public async Task Every_get_route_answers_head_with_the_get_headers_and_no_body()
    {
        await using var server = await ServerProcess.StartAsync();
        using var client = new HttpClient { BaseAddress = server.Address };
        var runId = JObject.Parse(await client.GetStringAsync("/api/frameworks/london/runs/latest"))["run"]!["runId"]!.Value<string>();
        string[] routes =
        [
            "/api/health", "/api/frameworks", "/api/frameworks/london", "/api/indicators", "/api/frameworks/london/runs/latest",
            $"/api/frameworks/london/runs/{runId}", "/api/frameworks/london/series", "/api/frameworks/london/areas/E09000001/history",
        ];
        foreach (var route in routes)
        {
            using var get = await client.SendAsync(Request(HttpMethod.Get, route));
            using var head = await client.SendAsync(Request(HttpMethod.Head, route));
            Assert.True(get.StatusCode == HttpStatusCode.OK, $"GET {route}: {get.StatusCode}");
            Assert.True(head.StatusCode == HttpStatusCode.OK, $"HEAD {route}: {head.StatusCode}");
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
            Assert.NotEmpty(await get.Content.ReadAsByteArrayAsync());
            Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
            Assert.Equal(["nosniff"], head.Headers.GetValues("X-Content-Type-Options"));
        }
    }

    [Fact]
    public async Task Every_answer_is_nosniff_and_negotiated_answers_vary_by_accept()
    {
        await using var server = await ServerProcess.StartAsync();
        using var client = new HttpClient { BaseAddress = server.Address };
        using var missing = await client.GetAsync("/api/nowhere");
        using var problem = await client.PostAsync("/api/frameworks/london/compute", ApiFactory.Json("""{"period": 2022}"""));
        using var compute = await client.PostAsync("/api/frameworks/london/compute", ApiFactory.Json("{}"));
        using var dashboard = await client.GetAsync("/");
        foreach (var response in new[] { missing, problem, compute, dashboard })
        {
            Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        }

        Assert.Contains("Accept", compute.Headers.Vary);
        using var latest = await client.GetAsync("/api/frameworks/london/runs/latest");
        Assert.Contains("Accept", latest.Headers.Vary);
    }

    [Fact]
    public async Task A_run_by_id_is_immutable_with_one_strong_etag_per_representation_and_304_on_revalidation()
    {
        await using var server = await ServerProcess.StartAsync();
        using var client = new HttpClient { BaseAddress = server.Address };
        var runId = JObject.Parse(await client.GetStringAsync("/api/frameworks/london/runs/latest"))["run"]!["runId"]!.Value<string>()!;
        var path = $"/api/frameworks/london/runs/{runId}";

        using var json = await client.GetAsync(path);
        Assert.Equal(new EntityTagHeaderValue($"\"{runId}\"", isWeak: false), json.Headers.ETag);
        Assert.Equal(ApiHeaders.Immutable, json.Headers.CacheControl!.ToString());

        using var csv = await client.SendAsync(Request(HttpMethod.Get, path, ("Accept", "text/csv")));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal(new EntityTagHeaderValue($"\"{runId}-csv\"", isWeak: false), csv.Headers.ETag);

        using var notModified = await client.SendAsync(Request(HttpMethod.Get, path, ("If-None-Match", $"\"{runId}\"")));
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(json.Headers.ETag, notModified.Headers.ETag);

        // The JSON tag does not validate the CSV representation, and an unrelated tag validates nothing.
        using var otherRepresentation = await client.SendAsync(Request(HttpMethod.Get, path, ("Accept", "text/csv"), ("If-None-Match", $"\"{runId}\"")));
        Assert.Equal(HttpStatusCode.OK, otherRepresentation.StatusCode);
        using var stale = await client.SendAsync(Request(HttpMethod.Get, path, ("If-None-Match", "\"2020-0000000000000000\"")));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Json_and_csv_are_compressed_when_the_client_accepts_it(string encoding)
    {
        await using var server = await ServerProcess.StartAsync();
        using var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = server.Address };
        foreach (var accept in new[] { "application/json", "text/csv" })
        {
            using var plain = await client.SendAsync(Request(HttpMethod.Get, "/api/frameworks/london/runs/latest", ("Accept", accept)));
            using var packed = await client.SendAsync(Request(HttpMethod.Get, "/api/frameworks/london/runs/latest", ("Accept", accept), ("Accept-Encoding", encoding)));
            Assert.Empty(plain.Content.Headers.ContentEncoding);
            Assert.Equal([encoding], packed.Content.Headers.ContentEncoding);
            var plainBytes = await plain.Content.ReadAsByteArrayAsync();
            var packedBytes = await packed.Content.ReadAsByteArrayAsync();
            // Compression saves at least a quarter (JSON's repeated names far more; CSV of round-trip numbers less).
            Assert.True(packedBytes.Length * 4 < plainBytes.Length * 3, $"{accept} {encoding}: {packedBytes.Length} of {plainBytes.Length} bytes");
            Assert.Equal(plainBytes, Decompress(packedBytes, encoding));
        }
    }

    private static byte[] Decompress(byte[] bytes, string encoding)
    {
        using var input = new MemoryStream(bytes);
        using Stream stream = encoding == "br"
            ? new System.IO.Compression.BrotliStream(input, System.IO.Compression.CompressionMode.Decompress)
            : new System.IO.Compression.GZipStream(input, System.IO.Compression.CompressionMode.Decompress);
        using var output = new MemoryStream();
        stream.CopyTo(output);
        return output.ToArray();
    }
}
