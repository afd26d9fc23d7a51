using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace WellbeingIndex.Server;

/// <summary>
/// Serves the reference dashboard (built from <c>dashboard/</c> into <c>wwwroot</c> beside the app by the build) at
/// <c>/</c>. The folder is found next to the assembly, not in the working directory, so <c>dotnet run</c> from any folder
/// serves it; without the folder (a build with <c>-p:SkipDashboard=true</c>) only the API is served.
/// </summary>
public static class DashboardFiles
{
    /// <summary>Folder name of the built dashboard in the output and publish folders.</summary>
    public const string FolderName = "wwwroot";

    /// <summary>
    /// The dashboard reads the API of its own origin only: a policy that forbids every other origin makes "no CDN or
    /// network at run time" something the browser enforces rather than a promise.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Adds the static-file middleware when the built dashboard is present; returns whether it is.</summary>
    public static bool Use(WebApplication app, string? folder = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        folder ??= Path.Combine(AppContext.BaseDirectory, FolderName);
        if (!File.Exists(Path.Combine(folder, "index.html")))
        {
            return false;
        }

        var files = new PhysicalFileProvider(folder);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            OnPrepareResponse = context =>
            {
                // File names carry no hash: revalidate every time (ETag), so a rebuilt dashboard is never stale.
                var headers = context.Context.Response.Headers;
                headers.CacheControl = "no-cache";
                headers.XContentTypeOptions = "nosniff";
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
            },
        });
        return true;
    }
}
