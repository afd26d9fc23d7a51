using Newtonsoft.Json.Linq;
using OpenQA.Selenium;

namespace WellbeingIndex.Dashboard.Tests;

[Collection(DashboardCollection.Name)]
public class DownloadTests(DashboardFixture page)
{
    [Fact]
    public async Task Download_gives_the_current_view_as_CSV_in_the_tables_order()
    {
        var published = await page.GetAsync("api/frameworks/london/runs/latest");
        foreach (var old in Directory.GetFiles(page.Downloads))
        {
            File.Delete(old);
        }

        page.Open();
        page.Driver.FindElement(By.Id("download")).Click();
        string? file = null;
        page.Until(() => (file = Directory.GetFiles(page.Downloads, "*.csv").FirstOrDefault()) is not null, "the CSV file", 20);
        Assert.Equal($"london-{published["run"]!["period"]}-published.csv", Path.GetFileName(file));

        var lines = (await File.ReadAllTextAsync(file!)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        Assert.Equal(["rank", "area_code", "area_name", "score", "decile", "rank_p05", "rank_p95"], header[..7]);
        Assert.Equal(["published_rank", "rank_change"], header[^2..]);
        var expected = Expected.InRankOrder(published);
        Assert.Equal(expected.Count, lines.Length - 1);
        foreach (var (line, api) in lines.Skip(1).Zip(expected))
        {
            // No area name here has a comma or quote, so splitting on commas is exact.
            var cells = line.Split(',');
            var s = Expected.IndexScore(api);
            Assert.Equal((string)api["areaCode"]!, cells[1]);
            Assert.Equal(s["rank"]!.Value<int?>()?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", cells[0]);
            Assert.Equal(s["score"]!.Value<double?>(), cells[3] == "" ? null : double.Parse(cells[3], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(cells[0], cells[^2]);
            Assert.Equal(cells[0] == "" ? "" : "0", cells[^1]);
        }
    }
}
