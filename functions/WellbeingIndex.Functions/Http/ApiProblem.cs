using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace WellbeingIndex.Functions.Http;

/// <summary>
/// An RFC 9457 problem. <see cref="Errors"/> is keyed by the request field at fault (<c>period</c>, <c>weights.income</c>,
/// <c>areas[2]</c>) so a client can point at the input that needs fixing.
/// </summary>
public sealed record ApiProblem(int Status, string Title, string Detail, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public const string ContentType = "application/problem+json; charset=utf-8";

    /// <summary>The RFC 9110 section describing the status: a stable, dereferenceable type URI.</summary>
    public string Type => Status switch
    {
        400 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1",
        401 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2",
        403 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4",
        404 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5",
        405 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.6",
        406 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.7",
        413 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.14",
        415 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.16",
        422 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.21",
        503 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4",
        _ => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.1",
    };

    public static ApiProblem BadRequest(string detail, IReadOnlyDictionary<string, string[]> errors) =>
        new(StatusCodes.Status400BadRequest, "The request is not valid.", detail, errors);

    public static ApiProblem Field(string field, string message) =>
        BadRequest($"{field}: {message}", new Dictionary<string, string[]> { [field] = [message] });

    public static ApiProblem NotFound(string detail, string? field = null) =>
        new(StatusCodes.Status404NotFound, ReasonPhrases.GetReasonPhrase(404), detail,
            field is null ? null : new Dictionary<string, string[]> { [field] = [detail] });

    public ApiException ToException() => new(this);

    /// <summary>The response body: the RFC's members plus <c>errors</c> when there are any.</summary>
    public IResult ToResult(string? instance = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["type"] = Type,
            ["title"] = Title,
            ["status"] = Status,
            ["detail"] = Detail,
        };
        if (instance is not null)
        {
            body["instance"] = instance;
        }

        if (Errors is { Count: > 0 })
        {
            body["errors"] = Errors;
        }

        return ApiJson.Result(body, Status, ContentType);
    }
}
