using OpenQA.Selenium;

namespace WellbeingIndex.Dashboard.Tests;

/// <summary>The standalone host serves the built dashboard at /, and the page loads nothing from anywhere else.</summary>
[Collection(DashboardCollection.Name)]
public class ServingTests(DashboardFixture page)
{
    [Fact]
    public async Task The_host_serves_the_dashboard_at_the_root_under_a_same_origin_only_policy()
    {
        using var response = await page.Api.GetAsync("/");
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<script type=\"module\" src=\"app.js\"></script>", await response.Content.ReadAsStringAsync());
        var policy = string.Join("; ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy);
        Assert.Contains("connect-src 'self'", policy);
        Assert.Contains("script-src 'self'", policy);
        Assert.Equal("no-cache", response.Headers.CacheControl!.ToString());

        using var script = await page.Api.GetAsync("/app.js");
        script.EnsureSuccessStatusCode();
        Assert.Equal("text/javascript", script.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public void Every_resource_the_page_loads_comes_from_its_own_origin()
    {
        page.Open();
        page.Driver.FindElement(By.Id("download")).Click(); // a blob: URL, not a request
        var origins = page.Script("return JSON.stringify([...new Set(performance.getEntriesByType('resource').map(r => new URL(r.name).origin))]);");
        Assert.Equal($"[\"{page.Server.Address.GetLeftPart(UriPartial.Authority)}\"]", origins);
        // And the API calls it made are the public API's routes only.
        var paths = page.Script("return JSON.stringify([...new Set(performance.getEntriesByType('resource').map(r => new URL(r.name).pathname))].sort());");
        Assert.All(Newtonsoft.Json.Linq.JArray.Parse(paths).Values<string>(), p => Assert.True(p!.StartsWith("/api/", StringComparison.Ordinal) || p is "/app.js" or "/app.css", p));
    }
}
