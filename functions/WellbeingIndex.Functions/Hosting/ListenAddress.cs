using System.Globalization;

namespace WellbeingIndex.Functions.Hosting;

/// <summary>
/// Where Kestrel listens. The Functions host starts the handler with <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> and forwards to
/// 127.0.0.1 on that port only; standalone the app uses the port <c>func start</c> would (7071) so the same URLs work.
/// </summary>
public static class ListenAddress
{
    public const string Standalone = "http://localhost:7071";

    /// <summary>The URL to listen on, or null when the user chose one with --urls / ASPNETCORE_URLS.</summary>
    public static string? Choose(string? customHandlerPort, string? configuredUrls)
    {
        if (!string.IsNullOrWhiteSpace(customHandlerPort))
        {
            if (!int.TryParse(customHandlerPort, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            {
                throw new InvalidOperationException($"FUNCTIONS_CUSTOMHANDLER_PORT must be a port number, got '{customHandlerPort}'.");
            }

            return string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
        }

        return string.IsNullOrWhiteSpace(configuredUrls) ? Standalone : null;
    }
}
