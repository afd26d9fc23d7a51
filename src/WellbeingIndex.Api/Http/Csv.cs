using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using WellbeingIndex.Engine.Results;

namespace WellbeingIndex.Api.Http;

/// <summary>RFC 4180 CSV for clients that ask for it with <c>Accept: text/csv</c> (spreadsheets, R, pandas).</summary>
public static class Csv
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>True when the request's Accept header lists text/csv.</summary>
    public static bool IsWanted(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.GetTypedHeaders().Accept
            .Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase) && a.Quality is not 0);
    }

    public static IResult Result(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var text = new StringBuilder();
        Line(text, header);
        foreach (var row in rows)
        {
            Line(text, row);
        }

        return new TextResult(text.ToString(), StatusCodes.Status200OK, ContentType);
    }

    private static void Line(StringBuilder text, IEnumerable<object?> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                text.Append(',');
            }

            first = false;
            var value = cell switch
            {
                null => "",
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => cell.ToString() ?? "",
            };
            text.Append(IndexResultCsv.Escape(value));
        }

        text.Append("\r\n");
    }
}
