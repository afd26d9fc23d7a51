using Newtonsoft.Json.Linq;
using OpenQA.Selenium;

namespace WellbeingIndex.Dashboard.Tests;

[Collection(DashboardCollection.Name)]
public class MapTests(DashboardFixture page)
{
    [Fact]
    public async Task The_map_draws_every_London_borough_from_its_boundary()
    {
        var framework = await page.GetAsync("api/frameworks/london");
        var codes = framework["areas"]!.Select(a => (string)a["code"]!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(33, codes.Count);

        page.Open();

        var paths = page.Driver.FindElements(By.CssSelector("#map svg path[data-code]"));
        Assert.Equal(33, paths.Count);
        Assert.Equal(codes, paths.Select(p => p.GetAttribute("data-code")!).Order(StringComparer.Ordinal));
        // Real outlines, not squares: every path has a non-trivial outline (many points) and a fill.
        Assert.All(paths, p =>
        {
            Assert.True(p.GetAttribute("d")!.Length > 100, $"{p.GetAttribute("data-code")} has no outline");
            Assert.StartsWith("#", p.GetAttribute("fill"));
        });
    }

    [Fact]
    public async Task An_unscored_borough_is_grey_and_scored_boroughs_take_the_legends_colours()
    {
        var run = await page.GetAsync("api/frameworks/london/runs/latest");
        var unscored = run["areas"]!.Where(a => Expected.IndexScore(a)["score"]!.Type == JTokenType.Null).Select(a => (string)a["areaCode"]!).ToList();
        page.Open();

        foreach (var code in unscored)
        {
            Assert.Equal("#d4d4d4", page.Driver.FindElement(By.CssSelector($"#map path[data-code='{code}']")).GetAttribute("fill"));
        }

        // The best borough is the light end of viridis, the worst the dark end (legend: higher is better).
        var ordered = Expected.InRankOrder(run).Where(a => !unscored.Contains((string)a["areaCode"]!)).ToList();
        var best = page.Driver.FindElement(By.CssSelector($"#map path[data-code='{ordered[0]["areaCode"]}']")).GetAttribute("fill")!;
        var worst = page.Driver.FindElement(By.CssSelector($"#map path[data-code='{ordered[^1]["areaCode"]}']")).GetAttribute("fill")!;
        Assert.True(Luminance(best) > Luminance(worst), $"best {best} should be lighter than worst {worst}");
        Assert.Contains("higher is better", page.Driver.FindElement(By.Id("legend")).Text);
        Assert.Contains("Open Government Licence", page.Driver.FindElement(By.Id("map-attribution")).Text);
    }

    private static double Luminance(string hex)
    {
        var v = Convert.ToInt32(hex.TrimStart('#'), 16);
        return (0.2126 * ((v >> 16) & 255)) + (0.7152 * ((v >> 8) & 255)) + (0.0722 * (v & 255));
    }
}
