using Microsoft.AspNetCore.Http;
using WellbeingIndex.Api.Http;
using WellbeingIndex.Publication;

namespace WellbeingIndex.Api.Contracts;

/// <summary>
/// The bodies of published runs as <c>runs/latest</c> and <c>runs/{runId}</c> answer them, rendered once per run id
/// and format: a complete run never changes, so a busy dashboard costs a dictionary look-up and a write, not a read
/// and a serialisation of a 100 KB document. Keeps the last few runs of up to 5,000 areas (rendering again after eviction
/// is correct too).
/// </summary>
public sealed class PublishedRunResponses
{
    private const int Capacity = 8;

    /// <summary>Larger runs (an LSOA run's document is tens of megabytes) are rendered on each request, not kept.</summary>
    private const int MaxCachedAreas = 5000;

    private readonly object _lock = new();
    private readonly LinkedList<((string Framework, string Run, bool Csv) Key, Task<(byte[] Body, string ContentType)> Body)> _bodies = new();

    /// <summary>The response for <paramref name="run"/> (JSON, or CSV when the request asks for text/csv).</summary>
    public async Task<IResult> GetAsync(IResultStore store, PublishedRun run, HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(request);
        var key = (run.FrameworkId, run.RunId, Csv.IsWanted(request));
        if (run.AreaCount > MaxCachedAreas)
        {
            var (bytes, contentType) = await RenderAsync(store, run, key.Item3);
            return new Utf8Result(bytes, contentType);
        }

        Task<(byte[] Body, string ContentType)> body;
        lock (_lock)
        {
            var hit = _bodies.FirstOrDefault(e => e.Key == key);
            body = hit.Body ?? RenderAsync(store, run, key.Item3);
            if (hit.Body is null)
            {
                _bodies.AddFirst((key, body));
                while (_bodies.Count > Capacity)
                {
                    _bodies.RemoveLast();
                }
            }
        }

        try
        {
            var (cached, contentType) = await body.WaitAsync(cancellationToken);
            return new Utf8Result(cached, contentType);
        }
        catch (Exception) when (body.IsFaulted)
        {
            lock (_lock)
            {
                var node = _bodies.First;
                while (node is not null && !ReferenceEquals(node.Value.Body, body))
                {
                    node = node.Next;
                }

                if (node is not null)
                {
                    _bodies.Remove(node);
                }
            }

            throw;
        }
    }

    private static async Task<(byte[] Body, string ContentType)> RenderAsync(IResultStore store, PublishedRun run, bool csv)
    {
        var document = await RunDocument.ReadAsync(store, run, CancellationToken.None);
        return csv && document.Areas.Count > 0
            ? (System.Text.Encoding.UTF8.GetBytes(document.CsvResult().Body), Csv.ContentType)
            : (System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(document, ApiJson.Options), ApiJson.ContentType);
    }

    /// <summary>A 200 response whose body is already UTF-8 (written as is: no encoding per request).</summary>
    private sealed class Utf8Result(byte[] body, string contentType) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status200OK;
            httpContext.Response.ContentType = contentType;
            httpContext.Response.ContentLength = body.Length;
            return httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
        }
    }
}
