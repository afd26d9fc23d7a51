using System.Globalization;
using Newtonsoft.Json.Linq;
using OpenQA.Selenium;

namespace WellbeingIndex.Dashboard.Tests;

[Collection(DashboardCollection.Name)]
public class ProfileTests(DashboardFixture page)
{
    [Fact]
    public async Task Clicking_a_borough_shows_its_domains_and_every_indicator_with_period_status_and_source()
    {
        var run = await page.GetAsync("api/frameworks/london/runs/latest");
        var framework = await page.GetAsync("api/frameworks/london");
        // The City of London: publishers withhold some of its values, so the profile must show their status.
        const string city = "E09000001";
        var values = run["indicatorValues"]!.Where(v => (string)v["areaCode"]! == city).ToDictionary(v => (string)v["indicatorCode"]!);
        Assert.Contains(values.Values, v => (string)v["status"]! != "ok");
        page.Open();

        page.Driver.FindElement(By.CssSelector($"#map path[data-code='{city}']")).Click();
        page.Until(() => page.Driver.FindElement(By.Id("profile")).GetAttribute("data-code") == city, "the City's profile");

        var area = run["areas"]!.Single(a => (string)a["areaCode"]! == city);
        var domainRows = Rows(".profile-domains tbody tr");
        var nodes = framework["definition"]!["nodes"]!;
        var root = (string)nodes.First(n => n["parent"]!.Type == JTokenType.Null)["code"]!;
        var domains = nodes.Where(n => (string?)n["parent"] == root).ToList();
        Assert.Equal(domains.Select(d => (string)d["name"]!), domainRows.Select(r => r[0]));
        foreach (var (row, domain) in domainRows.Zip(domains))
        {
            var score = area["scores"]!.Single(s => (string)s["nodeCode"]! == (string)domain["code"]!);
            Assert.Equal(Expected.OneDecimal(score["score"]!.Value<double?>()), row[1]);
            Assert.Equal(Expected.Int(score["rank"]!.Value<int?>()), row[2]);
        }

        var indicators = nodes.Where(n => (string)n["type"]! == "indicator").ToList();
        var indicatorRows = Rows(".profile-indicators tbody tr.indicator");
        var sourceRows = Rows(".profile-indicators tbody tr.source");
        Assert.Equal(indicators.Count, indicatorRows.Count);
        Assert.Equal(indicators.Count, sourceRows.Count);
        var status = new Dictionary<string, string> { ["ok"] = "Published", ["suppressed"] = "Suppressed", ["unreliable"] = "Unreliable", ["notavailable"] = "Not available" };
        foreach (var ((row, source), indicator) in indicatorRows.Zip(sourceRows).Zip(indicators))
        {
            var v = values[(string)indicator["code"]!];
            Assert.StartsWith((string)indicator["name"]!, row[0]);
            var raw = v["rawValue"]!.Value<double?>();
            Assert.StartsWith(raw is { } r ? r.ToString("#,##0.##", CultureInfo.GetCultureInfo("en-GB")) : "–", row[1]);
            Assert.Equal((string)v["periodUsed"]!, row[3]);
            Assert.StartsWith(status[((string)v["status"]!).ToLowerInvariant()], row[4]);
            if (v["reason"]?.Type == JTokenType.String)
            {
                Assert.Contains((string)v["reason"]!, row[4]);
            }

            Assert.StartsWith($"Source: {v["publisher"]} — {v["dataset"]}", source[0]);
            Assert.EndsWith((string)v["licence"]!, source[0]);
        }
    }

    private List<string[]> Rows(string selector)
    {
        var json = page.Script(
            "return JSON.stringify([...document.querySelectorAll(arguments[0])].map(tr => [...tr.children].map(c => c.textContent.trim())));", "#profile-body " + selector);
        return JArray.Parse(json).Select(r => r.Values<string>().Select(c => c!).ToArray()).ToList();
    }
}
