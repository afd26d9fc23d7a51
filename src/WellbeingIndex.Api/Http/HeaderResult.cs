using Microsoft.AspNetCore.Http;

namespace WellbeingIndex.Api.Http;

/// <summary>A response with headers of its own (<c>Location</c> of a new job, <c>Retry-After</c> while it runs) around another result.</summary>
public sealed class HeaderResult(IResult inner, IReadOnlyDictionary<string, string> headers) : IResult
{
    public IResult Inner { get; } = inner;

    public IReadOnlyDictionary<string, string> Headers { get; } = headers;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        foreach (var (name, value) in Headers)
        {
            httpContext.Response.Headers[name] = value;
        }

        return Inner.ExecuteAsync(httpContext);
    }
}
