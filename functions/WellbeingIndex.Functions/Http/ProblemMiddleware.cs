using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Engine;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Providers;

namespace WellbeingIndex.Functions.Http;

/// <summary>
/// Turns every failure into a problem document: the client always gets <c>application/problem+json</c>, never a stack
/// trace, and the log gets the exception.
/// </summary>
public sealed class ProblemMiddleware(RequestDelegate next, ILogger<ProblemMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ApiProblem? problem;
        try
        {
            await next(context);
            problem = context.Response is { HasStarted: false, StatusCode: 404 or 405 } && context.Response.ContentLength is null
                ? Unmatched(context)
                : null;
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            problem = FromException(e);
            if (problem.Status >= 500)
            {
                logger.LogError(e, "{Method} {Path} failed", context.Request.Method, context.Request.Path);
            }
        }

        if (problem is not null && !context.Response.HasStarted)
        {
            context.Response.Clear();
            await problem.ToResult(context.Request.Path).ExecuteAsync(context);
        }
    }

    /// <summary>The problem an exception stands for; unknown exceptions become a 500 that reveals nothing internal.</summary>
    public static ApiProblem FromException(Exception exception) => exception switch
    {
        ApiException api => api.Problem,
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => TooLarge(null),
        BadHttpRequestException bad => new ApiProblem(bad.StatusCode, ReasonPhrases.GetReasonPhrase(bad.StatusCode), bad.Message),
        DefinitionException definition => ApiProblem.BadRequest(definition.Message,
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

    public static ApiProblem TooLarge(int? limit) => new(StatusCodes.Status413PayloadTooLarge, ReasonPhrases.GetReasonPhrase(413),
        limit is null ? "The request body is too large." : $"The request body is larger than the limit of {limit} bytes (WELLBEING_MAX_BODY_BYTES).",
        new Dictionary<string, string[]> { ["body"] = [limit is null ? "too large." : $"must be at most {limit} bytes."] });

    private static ApiProblem Unmatched(HttpContext context) => context.Response.StatusCode == 405
        ? new ApiProblem(405, ReasonPhrases.GetReasonPhrase(405), $"{context.Request.Method} is not allowed on {context.Request.Path}; see /api/openapi.json.")
        : ApiProblem.NotFound($"No endpoint at {context.Request.Path}; see /api/openapi.json for the routes.");
}
