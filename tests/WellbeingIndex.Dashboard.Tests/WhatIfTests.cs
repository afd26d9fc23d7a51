using Newtonsoft.Json.Linq;
using OpenQA.Selenium;

namespace WellbeingIndex.Dashboard.Tests;

[Collection(DashboardCollection.Name)]
public class WhatIfTests(DashboardFixture page)
{
    [Fact]
    public async Task Moving_a_weight_slider_reorders_the_table_exactly_as_the_compute_endpoint_answers()
    {
        var framework = await page.GetAsync("api/frameworks/london");
        var published = await page.GetAsync("api/frameworks/london/runs/latest");
        var nodes = framework["definition"]!["nodes"]!;
        var root = (string)nodes.First(n => n["parent"]!.Type == JTokenType.Null)["code"]!;
        var domain = nodes.First(n => (string?)n["parent"] == root);
        var code = (string)domain["code"]!;
        page.Open();

        // The slider starts at ×1 in steps of 0.25: twelve presses of → make it ×4, so the domain's weight is 4 × its
        // published weight.
        var slider = page.Driver.FindElement(By.Id($"weight-{code}"));
        page.Driver.ExecuteScript("arguments[0].focus();", slider); // a click would move the thumb to where it lands
        for (var i = 0; i < 12; i++)
        {
            slider.SendKeys(Keys.ArrowRight);
        }

        Assert.Equal("4", slider.GetAttribute("value"));
        page.WaitReady("the what-if compute");
        var weight = domain["weight"]!.Value<double>() * 4;
        var whatIf = await page.ComputeAsync("london", new JObject
        {
            ["period"] = published["run"]!["period"],
            ["weights"] = new JObject { [code] = weight },
        });
        Assert.True(whatIf["run"]!["whatIf"]!.Value<bool>());

        var table = page.Table();
        var expected = Expected.InRankOrder(whatIf);
        Assert.Equal(expected.Select(a => (string)a["areaCode"]!), table.Select(r => r.Code));
        Assert.NotEqual(Expected.InRankOrder(published).Select(a => (string)a["areaCode"]!), table.Select(r => r.Code));

        // Rank, and the move against the published rank worked out here: published rank − what-if rank, ▲ = up.
        var publishedRanks = Expected.Ranks(published);
        int rank = page.Column("Rank"), change = page.Column("Change"), publishedRank = page.Column("Published rank");
        foreach (var (row, api) in table.Zip(expected))
        {
            var now = Expected.IndexScore(api)["rank"]!.Value<int?>();
            var before = publishedRanks[row.Code];
            Assert.Equal(Expected.Int(now), row.Cells[rank]);
            Assert.Equal(Expected.Int(before), row.Cells[publishedRank]);
            var move = now is { } n && before is { } b ? b - n : (int?)null;
            var shown = move switch
            {
                null => "–",
                0 => "=no change",
                > 0 => $"▲ {move}up {move}",
                _ => $"▼ {-move}down {-move}",
            };
            Assert.Equal(shown, row.Cells[change]);
        }

        Assert.Contains("what-if", page.Driver.FindElement(By.Id("run-line")).Text);
        page.Driver.GetScreenshot().SaveAsFile(Path.Combine(RepoPaths.Artifacts, "dashboard-whatif.png"));
        var moved = table.Count(r => r.Cells[change].StartsWith('▲') || r.Cells[change].StartsWith('▼'));
        Assert.Contains($"{moved} of 33 areas moved", page.Driver.FindElement(By.Id("whatif-status")).Text);

        // Back to published restores the published order.
        page.Driver.FindElement(By.Id("reset")).Click();
        page.Until(() => page.Driver.FindElement(By.Id("whatif-status")).Text.StartsWith("Published recipe", StringComparison.Ordinal), "the reset");
        page.WaitReady();
        Assert.Equal(Expected.InRankOrder(published).Select(a => (string)a["areaCode"]!), page.Table().Select(r => r.Code));
    }

    [Fact]
    public async Task A_method_the_data_cannot_support_shows_the_APIs_problem_and_keeps_the_last_table()
    {
        var published = await page.GetAsync("api/frameworks/london/runs/latest");
        page.Open();
        var select = page.Driver.FindElement(By.Id("aggregate"));
        select.Click();
        select.FindElement(By.CssSelector("option[value='gmean']")).Click();
        page.Until(() => page.Driver.FindElement(By.Id("error")).Displayed, "the problem to show");

        // The API's own answer for the same request: a 422 whose detail the dashboard shows verbatim.
        using var content = new StringContent(new JObject
        {
            ["period"] = published["run"]!["period"],
            ["aggregate"] = new JObject { ["method"] = "gmean" },
            ["uncertainty"] = new JObject { ["runs"] = 200, ["weightNoise"] = 0.25 },
        }.ToString(), System.Text.Encoding.UTF8, "application/json");
        using var response = await page.Api.PostAsync("api/frameworks/london/compute", content);
        Assert.Equal(422, (int)response.StatusCode);
        var problem = JObject.Parse(await response.Content.ReadAsStringAsync());
        // Which child fails first depends on the API's parallel column order, so compare the title and the rule.
        var shown = page.Driver.FindElement(By.Id("error")).Text;
        Assert.StartsWith((string)problem["title"]!, shown);
        Assert.Contains("the values must be positive", (string)problem["detail"]!);
        Assert.Contains("the values must be positive", shown);
        Assert.Equal(Expected.InRankOrder(published).Select(a => (string)a["areaCode"]!), page.Table().Select(r => r.Code));
    }
}
