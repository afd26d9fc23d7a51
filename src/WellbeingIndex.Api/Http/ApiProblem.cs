using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Engine;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Providers;
using WellbeingIndex.Publication.Storage;

namespace WellbeingIndex.Api.Http;

/// <summary>
/// An RFC 9457 problem. <see cref="Errors"/> is keyed by the request field at fault (<c>period</c>, <c>weights.income</c>,
/// <c>areas[2]</c>) so a client can point at the input that needs fixing. Written by ASP.NET Core's
/// <see cref="IProblemDetailsService"/> in both hosts.
/// </summary>
/// <remarks>
/// Bounded whatever the request: at most <see cref="MaxListedErrors"/> fields are listed (<see cref="OmittedErrors"/>
/// says how many more), and echoed text (field names, messages, the detail) is cut at a fixed length, so thousands of
/// bad keys cannot make a megabyte answer.
/// </remarks>
public sealed record ApiProblem(int Status, string Title, string Detail, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    /// <summary>Fields listed in <see cref="Errors"/> at most.</summary>
    public const int MaxListedErrors = 20;

    /// <summary>Messages listed per field at most.</summary>
    public const int MaxMessagesPerField = 5;

    /// <summary>Characters of a field name or of text echoed from the request kept at most.</summary>
    public const int MaxEchoedLength = 200;

    /// <summary>Characters of one message kept at most.</summary>
    public const int MaxMessageLength = 600;

    /// <summary>Characters of <see cref="Detail"/> kept at most.</summary>
    public const int MaxDetailLength = 2000;

    public string Detail { get; init; } = Cut(Detail, MaxDetailLength, Errors is { Count: > MaxListedErrors } all
        ? string.Create(CultureInfo.InvariantCulture, $" … ({all.Count} fields in all; the first {MaxListedErrors} are listed.)")
        : null);

    /// <summary>The first <see cref="MaxListedErrors"/> fields with their (cut) messages.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; } = Bound(Errors);

    /// <summary>How many fields with errors are not listed in <see cref="Errors"/>.</summary>
    public int OmittedErrors { get; init; } = Math.Max(0, (Errors?.Count ?? 0) - MaxListedErrors);

    /// <summary>Text echoed from a request, cut to <see cref="MaxEchoedLength"/> characters.</summary>
    public static string Echo(string text) => Cut(text ?? "", MaxEchoedLength, null);

    private static string Cut(string text, int max, string? suffix)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= max && suffix is null)
        {
            return text;
        }

        var room = max - (suffix?.Length ?? 1);
        return text.Length <= room ? text + suffix : text[..room] + (suffix ?? "…");
    }

    private static Dictionary<string, string[]>? Bound(IReadOnlyDictionary<string, string[]>? errors)
    {
        if (errors is null)
        {
            return null;
        }

        var bounded = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (field, messages) in errors)
        {
            if (bounded.Count == MaxListedErrors)
            {
                break;
            }

            var listed = messages.Take(MaxMessagesPerField).Select(m => Cut(m, MaxMessageLength, null));
            bounded.TryAdd(Echo(field), messages.Length > MaxMessagesPerField
                ? [.. listed, string.Create(CultureInfo.InvariantCulture, $"… and {messages.Length - MaxMessagesPerField} more.")]
                : [.. listed]);
        }

        return bounded;
    }

    /// <summary>The RFC 9110 section describing the status: a stable, dereferenceable type URI.</summary>
    public string Type => Status switch
    {
        400 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1",
        401 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2",
        403 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4",
        404 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5",
        405 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.6",
        406 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.7",
        409 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.10",
        413 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.14",
        415 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.16",
        422 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.21",
        429 => "https://www.rfc-editor.org/rfc/rfc6585#section-4",
        503 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4",
        _ => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.1",
    };

    /// <summary>A stable, machine-readable name of the problem (<c>StorageUnreachable</c>), written as <c>code</c>; null for none.</summary>
    public string? Code { get; init; }

    /// <summary>When set, the answer carries <c>Retry-After</c> (whole seconds): the problem is temporary.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Further members of the document (<c>storageStatus</c>); null for none.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    /// <summary>
    /// 503 for storage that is unreachable, timed out or failing: carries the storage's status and error code (as the
    /// Azure SDK's errors do) and <c>Retry-After</c>, so a client retries later instead of reading "not found" or a bare 500.
    /// </summary>
    public static ApiProblem StorageUnavailable(StorageUnavailableException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var seconds = (int)Math.Ceiling(exception.RetryAfter.TotalSeconds);
        return new ApiProblem(StatusCodes.Status503ServiceUnavailable, "Storage is unavailable.",
            $"Table Storage is unavailable ({exception.ErrorCode}{(exception.Status > 0 ? $", status {exception.Status}" : "")}); " +
            $"retry after {seconds} s. The server log names the cause.")
        {
            Code = exception.ErrorCode,
            RetryAfter = TimeSpan.FromSeconds(seconds),
            Extensions = new Dictionary<string, object?> { ["storageStatus"] = exception.Status },
        };
    }

    public static ApiProblem BadRequest(string detail, IReadOnlyDictionary<string, string[]> errors) =>
        new(StatusCodes.Status400BadRequest, "The request is not valid.", detail, errors);

    public static ApiProblem Field(string field, string message) =>
        BadRequest($"{field}: {message}", new Dictionary<string, string[]> { [field] = [message] });

    public static ApiProblem NotFound(string detail, string? field = null) =>
        new(StatusCodes.Status404NotFound, ReasonPhrases.GetReasonPhrase(404), detail,
            field is null ? null : new Dictionary<string, string[]> { [field] = [detail] });

    public static ApiProblem TooLarge(int? limit) => new(StatusCodes.Status413PayloadTooLarge, ReasonPhrases.GetReasonPhrase(413),
        limit is null ? "The request body is too large." : $"The request body is larger than the limit of {limit} bytes (WELLBEING_MAX_BODY_BYTES).",
        new Dictionary<string, string[]> { ["body"] = [limit is null ? "too large." : $"must be at most {limit} bytes."] });

    /// <summary>The problem an exception stands for; unknown exceptions become a 500 that reveals nothing internal.</summary>
    public static ApiProblem FromException(Exception exception) => exception switch
    {
        ApiException api => api.Problem,
        StorageUnavailableException storage => StorageUnavailable(storage),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => TooLarge(null),
        BadHttpRequestException bad => new ApiProblem(bad.StatusCode, ReasonPhrases.GetReasonPhrase(bad.StatusCode), bad.Message),
        DefinitionException definition => BadRequest(definition.Message,
            definition.Problems.GroupBy(p => p.Path).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray())),
        IndexComputationException computation => new ApiProblem(StatusCodes.Status422UnprocessableEntity,
            "The index cannot be computed with these settings.", computation.Message),
        IndicatorDataException data => new ApiProblem(StatusCodes.Status500InternalServerError,
            "The source data could not be read.", $"Provider '{data.ProviderId}' could not read its source data; the server log names the file and line."),
        DirectoryNotFoundException or ProviderDiscoveryException => new ApiProblem(StatusCodes.Status500InternalServerError,
            "The server is misconfigured.",
            "The data directory or an indicator plug-in could not be loaded; the server log says which. Check WELLBEING_DATA_DIR and WELLBEING_PLUGINS_DIR."),
        _ => new ApiProblem(StatusCodes.Status500InternalServerError, "An unexpected error occurred.",
            "The server could not complete the request; the error has been logged."),
    };

    /// <summary>Unmatched routes and methods (the standalone host's status-code pages).</summary>
    public static ApiProblem Unmatched(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Response.StatusCode == 405
            ? new ApiProblem(405, ReasonPhrases.GetReasonPhrase(405), $"{context.Request.Method} is not allowed on {context.Request.Path}; see /api/openapi.json.")
            : NotFound($"No endpoint at {context.Request.Path}; see /api/openapi.json for the routes.");
    }

    public ApiException ToException() => new(this);

    /// <summary>The RFC 9457 document: <c>errors</c> (validation problem details) when there are any.</summary>
    public ProblemDetails ToProblemDetails(string? instance)
    {
        ProblemDetails details = Errors is { Count: > 0 }
            ? new HttpValidationProblemDetails(Errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal))
            : new ProblemDetails();
        details.Type = Type;
        details.Title = Title;
        details.Status = Status;
        details.Detail = Detail;
        details.Instance = instance;
        if (OmittedErrors > 0)
        {
            details.Extensions["omittedErrors"] = OmittedErrors;
        }

        if (Code is not null)
        {
            details.Extensions["code"] = Code;
        }

        foreach (var (key, value) in Extensions ?? new Dictionary<string, object?>())
        {
            details.Extensions[key] = value;
        }

        return details;
    }

    /// <summary>Writes this problem as the response through the host's <see cref="IProblemDetailsService"/>.</summary>
    /// <exception cref="InvalidOperationException">The host did not call <c>AddProblemDetails</c>.</exception>
    public async Task WriteAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var service = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        context.Response.Clear();
        ApiHeaders.Apply(context.Response);
        context.Response.StatusCode = Status;
        if (RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var details = ToProblemDetails(context.Request.Path);
        if (!await service.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details }))
        {
            // The default writer declines when Accept names no JSON type (Accept: text/csv), but a problem is still
            // answered as one: RFC 9457 JSON is the only error format the API has.
            await context.Response.WriteAsJsonAsync(details, details.GetType(), ApiJson.Options, "application/problem+json", context.RequestAborted);
        }
    }
}
