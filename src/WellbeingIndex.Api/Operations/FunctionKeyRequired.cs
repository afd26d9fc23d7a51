using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using WellbeingIndex.Api.Http;

namespace WellbeingIndex.Api.Operations;

/// <summary>
/// Endpoint metadata of an operation whose <see cref="OperationAccess"/> is <see cref="OperationAccess.Function"/>
/// (added by <see cref="ApiOperations.WithAccess"/>): the standalone server checks <c>x-functions-key</c> against
/// WELLBEING_PUBLISH_KEY instead of the Functions host.
/// </summary>
public sealed class FunctionKeyRequired
{
    public static readonly FunctionKeyRequired Instance = new();

    private FunctionKeyRequired()
    {
    }

    /// <summary>
    /// Standalone, checks <c>x-functions-key</c> against WELLBEING_PUBLISH_KEY (under the host, the host has checked
    /// the function key already).
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="settings">Where the key is configured.</param>
    /// <param name="what">What needs the key, for the messages ("publishing", "jobs").</param>
    /// <exception cref="ApiException">403 when no key is configured; 401 naming the header when it is missing or wrong.</exception>
    public static void Authorize(HttpRequest request, ApiSettings settings, string what)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.UnderFunctionsHost)
        {
            return;
        }

        if (settings.PublishKey is null)
        {
            throw new ApiProblem(StatusCodes.Status403Forbidden, $"{char.ToUpperInvariant(what[0])}{what[1..]} over HTTP is not configured.",
                $"Running standalone, {what} needs a key: set {ApiSettings.PublishKeyKey} to a secret and send it in the {ApiOperations.KeyHeader} header. " +
                $"The in-process timer ({ApiSettings.TimerKey}) and start-up publish ({ApiSettings.PublishOnStartKey}) need no key.").ToException();
        }

        var given = request.Headers[ApiOperations.KeyHeader].ToString();
        if (given.Length == 0 || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(settings.PublishKey)))
        {
            throw new ApiProblem(StatusCodes.Status401Unauthorized, "Unauthorized",
                $"The {ApiOperations.KeyHeader} header is {(given.Length == 0 ? "missing" : "wrong")}; it must equal {ApiSettings.PublishKeyKey}.",
                new Dictionary<string, string[]> { [ApiOperations.KeyHeader] = [given.Length == 0 ? "is required." : $"does not match {ApiSettings.PublishKeyKey}."] })
                .ToException();
        }
    }
}
