using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace WellbeingIndex.Api.Http;

/// <summary>
/// Response headers both hosts put on every answer, and the caching rules of immutable documents. A published run
/// never changes under its run id, so it is served with a strong ETag (one per representation: JSON or CSV) and
/// cached for a year; a client revalidating with <c>If-None-Match</c> gets 304 without the rows being read.
/// </summary>
public static class ApiHeaders
{
    /// <summary><c>Cache-Control</c> of documents that never change under their URL.</summary>
    public const string Immutable = "public, max-age=31536000, immutable";

    /// <summary>Headers of every response: browsers must not guess a content type (<c>nosniff</c>).</summary>
    public static void Apply(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.XContentTypeOptions = "nosniff";
    }

    /// <summary>Marks a response whose content depends on <c>Accept</c> (JSON or CSV), so caches keep them apart.</summary>
    public static void VaryByAccept(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var vary = response.Headers.Vary;
        if (!vary.Any(v => v is not null && v.Contains(HeaderNames.Accept, StringComparison.OrdinalIgnoreCase)))
        {
            response.Headers.Vary = StringValues.Concat(vary, HeaderNames.Accept);
        }
    }

    /// <summary>
    /// Sets a strong ETag and <see cref="Immutable"/> caching for a document identified by <paramref name="version"/>;
    /// true when the request's <c>If-None-Match</c> already names it (answer 304).
    /// </summary>
    public static bool CacheImmutable(HttpContext context, string version)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrEmpty(version);
        var etag = new EntityTagHeaderValue($"\"{version}\"");
        var response = context.Response;
        response.Headers.ETag = etag.ToString();
        response.Headers.CacheControl = Immutable;
        var ifNoneMatch = context.Request.GetTypedHeaders().IfNoneMatch;
        return ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false));
    }
}
