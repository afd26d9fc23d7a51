using System.Globalization;
using OpenQA.Selenium;
using Xunit.Abstractions;

namespace WellbeingIndex.Dashboard.Tests;

/// <summary>Screenshots (desktop and narrow) and the first-render time, kept in tests/artifacts/ for review.</summary>
[Collection(DashboardCollection.Name)]
public class ScreenshotTests(DashboardFixture page, ITestOutputHelper output)
{
    [Theory]
    [InlineData("desktop", 1400)]
    [InlineData("narrow", 360)]
    public void The_whole_page_is_saved_as_a_screenshot(string name, int width)
    {
        page.Open(width, 900);
        // Full page: make the window as tall as the document, then capture.
        var height = Convert.ToInt32(page.Driver.ExecuteScript("return Math.ceil(document.documentElement.scrollHeight);"), CultureInfo.InvariantCulture);
        page.Driver.Manage().Window.Size = new System.Drawing.Size(width, height + 140);
        page.Until(() => Convert.ToInt32(page.Driver.ExecuteScript("return window.innerWidth;"), CultureInfo.InvariantCulture) == width, "the resize");

        // Nothing sticks out sideways: the narrow layout has no horizontal page scroll.
        var scrollWidth = Convert.ToInt32(page.Driver.ExecuteScript("return document.documentElement.scrollWidth;"), CultureInfo.InvariantCulture);
        Assert.True(scrollWidth <= width, $"the page is {scrollWidth} px wide in a {width} px window: " + page.Driver.ExecuteScript("""
            return [...document.querySelectorAll('body *')].filter(el => !el.closest('.table-wrap') && el.getBoundingClientRect().right > window.innerWidth)
              .slice(0, 8).map(el => `${el.tagName}#${el.id}.${el.getAttribute('class')} to ${el.getBoundingClientRect().right.toFixed(0)}`).join('; ');
            """));
        Assert.Equal(33, page.Driver.FindElements(By.CssSelector("#map [data-code]")).Count);

        var file = Path.Combine(RepoPaths.Artifacts, $"dashboard-{name}.png");
        page.Driver.GetScreenshot().SaveAsFile(file);
        Assert.True(new FileInfo(file).Length > 10_000);
        output.WriteLine(file);
    }

    [Fact]
    public void The_first_render_is_measured_in_the_browser()
    {
        // The dashboard marks 'dashboard:first-render' once map and table are drawn from the published run; the
        // Navigation Timing origin is the start of the page's navigation. Five loads; the figures go to the artefacts.
        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            page.Open();
            times.Add(Convert.ToDouble(page.Driver.ExecuteScript(
                "return performance.getEntriesByName('dashboard:first-render')[0].startTime;"), CultureInfo.InvariantCulture));
            Assert.Equal(33, page.Driver.FindElements(By.CssSelector("#map path[data-code]")).Count);
        }

        // Where the time goes, from the last load: the document, the script, and each API call (start to end, ms).
        output.WriteLine(page.Script("""
            const nav = performance.getEntriesByType('navigation')[0];
            const parts = [`document ${nav.responseEnd.toFixed(0)}`, `domInteractive ${nav.domInteractive.toFixed(0)}`];
            for (const r of performance.getEntriesByType('resource')) parts.push(`${new URL(r.name).pathname} ${r.startTime.toFixed(0)}-${r.responseEnd.toFixed(0)}`);
            return parts.join('; ');
            """));
        times.Sort();
        var line = string.Create(CultureInfo.InvariantCulture,
            $"first render (navigation start to map and table drawn), 5 loads on loopback: median {times[2]:F0} ms, min {times[0]:F0} ms, max {times[4]:F0} ms");
        File.WriteAllText(Path.Combine(RepoPaths.Artifacts, "dashboard-first-render.txt"), line + Environment.NewLine);
        output.WriteLine(line);
        Assert.All(times, t => Assert.True(t > 0));
    }
}
