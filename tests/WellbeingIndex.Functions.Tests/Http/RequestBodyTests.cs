using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;
using WellbeingIndex.Functions.Tests.Api;

namespace WellbeingIndex.Functions.Tests.Http;

/// <summary>
/// Bodies of unannounced length (chunked) are read into a growing pooled buffer: a body larger than the first buffer
/// is read whole, and the size limit holds without a Content-Length.
/// </summary>
public class RequestBodyTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    /// <summary>A body sent without Content-Length.</summary>
    private sealed class UnknownLength(string text) : HttpContent
    {
        private readonly byte[] _bytes = Encoding.UTF8.GetBytes(text);

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes, 0, _bytes.Length);

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }

    private static HttpContent Json(string text)
    {
        var content = new UnknownLength(text);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }

    [Fact]
    public async Task A_body_of_unannounced_length_larger_than_the_first_buffer_is_read_whole()
    {
        // 20,000 spaces between the weights and the closing brace: 20,032 bytes, more than two 8,192-byte buffers.
        var body = """{"weights": {"decent-home": 2}""" + new string(' ', 20_000) + "}";
        var response = await factory.CreateClient().PostAsync("/api/frameworks/london/compute", Json(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.True((bool)JObject.Parse(text)["run"]!["whatIf"]!);
    }

    [Fact]
    public async Task A_body_of_unannounced_length_over_the_limit_is_a_413()
    {
        // 70,000 spaces: over the 64 KiB (65,536-byte) default limit.
        var response = await factory.CreateClient().PostAsync("/api/frameworks/london/compute", Json("{" + new string(' ', 70_000) + "}"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
