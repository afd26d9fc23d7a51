using Microsoft.AspNetCore.Http;

namespace WellbeingIndex.Api.Http;

/// <summary>A response whose body is already text (CSV), written asynchronously with its content type.</summary>
public sealed class TextResult(string body, int statusCode, string contentType) : IResult
{
    public string Body { get; } = body;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = statusCode;
        httpContext.Response.ContentType = contentType;
        return httpContext.Response.WriteAsync(Body, httpContext.RequestAborted);
    }
}
