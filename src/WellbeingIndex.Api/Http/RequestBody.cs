using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace WellbeingIndex.Api.Http;

/// <summary>
/// Reads a JSON object body under a size limit (413 beyond it), through <see cref="StrictJson"/>'s front door (400 for
/// anything but strict JSON). The limit is enforced here as well as by Kestrel, because the Functions host and test
/// servers forward bodies without Kestrel's check.
/// </summary>
public static class RequestBody
{
    /// <summary>The body as an object; an empty body is <c>{}</c> (every field optional).</summary>
    public static async Task<JObject> ReadObjectAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            throw ApiProblem.TooLarge(maxBytes).ToException();
        }

        if (request.ContentType is { Length: > 0 } contentType
            && !(MediaTypeHeaderValue.TryParse(contentType, out var media)
                 && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                     || media.MediaType.Value!.EndsWith("+json", StringComparison.OrdinalIgnoreCase))))
        {
            throw new ApiProblem(StatusCodes.Status415UnsupportedMediaType, "Unsupported Media Type",
                $"The body must be JSON (Content-Type: application/json), got '{contentType}'.",
                new Dictionary<string, string[]> { ["Content-Type"] = ["must be application/json."] }).ToException();
        }

        // A pooled buffer, of the announced length when there is one (a what-if body is a few dozen bytes).
        var buffer = ArrayPool<byte>.Shared.Rent(request.ContentLength is > 0 and var announced && announced < maxBytes ? (int)announced + 1 : 8192);
        try
        {
            var length = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
            {
                length += read;
                if (length > maxBytes)
                {
                    throw ApiProblem.TooLarge(maxBytes).ToException();
                }

                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }

            var bytes = buffer.AsSpan(0, length);
            if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                bytes = bytes[3..];
            }

            if (bytes.Trim((ReadOnlySpan<byte>)" \t\r\n"u8).IsEmpty)
            {
                return [];
            }

            StrictJson.Validate(bytes);
            return Parse(Encoding.UTF8.GetString(bytes));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static JObject Parse(string json)
    {
        JToken token;
        try
        {
            using var reader = new JsonTextReader(new StringReader(json))
            {
                DateParseHandling = DateParseHandling.None,
                FloatParseHandling = FloatParseHandling.Double,
            };
            token = JToken.ReadFrom(reader);
            if (reader.Read())
            {
                throw new JsonReaderException($"Additional text after the JSON value, line {reader.LineNumber}, position {reader.LinePosition}.");
            }
        }
        catch (JsonReaderException e)
        {
            throw ApiProblem.Field(string.IsNullOrEmpty(e.Path) ? "body" : e.Path, $"not valid JSON: {e.Message}").ToException();
        }

        return token as JObject
            ?? throw ApiProblem.Field("body", $"must be a JSON object, got {token.Type.ToString().ToLowerInvariant()}.").ToException();
    }
}
