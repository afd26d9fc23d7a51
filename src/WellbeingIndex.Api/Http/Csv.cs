using Microsoft.AspNetCore.Http;
using WellbeingIndex.Publication;

namespace WellbeingIndex.Api.Http;

/// <summary>CSV responses for clients that ask for them with <c>Accept: text/csv</c> (spreadsheets, R, pandas).</summary>
public static class Csv
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>
    /// True when the request's Accept header lists text/csv. Every caller negotiates the representation with it, so
    /// the response is marked <c>Vary: Accept</c>.
    /// </summary>
    public static bool IsWanted(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ApiHeaders.VaryByAccept(request.HttpContext.Response);
        return request.GetTypedHeaders().Accept
            .Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase) && a.Quality is not 0);
    }

    public static IResult Result(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var text = new StringWriter();
        RunCsv.Write(text, header, rows);
        return new TextResult(text.ToString(), StatusCodes.Status200OK, ContentType);
    }
}
