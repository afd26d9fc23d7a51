using Newtonsoft.Json.Linq;
using OpenQA.Selenium;
using OpenQA.Selenium.Interactions;

namespace WellbeingIndex.Dashboard.Tests;

[Collection(DashboardCollection.Name)]
public class KeyboardTests(DashboardFixture page)
{
    [Fact]
    public async Task Keyboard_alone_reaches_a_slider_changes_it_and_opens_an_areas_profile()
    {
        var framework = await page.GetAsync("api/frameworks/london");
        var nodes = framework["definition"]!["nodes"]!;
        var root = (string)nodes.First(n => n["parent"]!.Type == JTokenType.Null)["code"]!;
        var domains = nodes.Where(n => (string?)n["parent"] == root).Select(n => (string)n["code"]!).ToList();
        page.Open();
        var keys = new Actions(page.Driver);

        // Tab from the top of the page to the second domain's slider.
        var target = $"weight-{domains[1]}";
        var presses = TabUntil(keys, () => Active().GetAttribute("id") == target, 40);
        Assert.True(presses > 2, "the slider is not the first stop: skip link and pickers come first");
        keys.SendKeys(Keys.ArrowRight).SendKeys(Keys.ArrowRight).Perform();
        Assert.Equal("1.5", Active().GetAttribute("value"));
        Assert.StartsWith("×1.50", Active().GetAttribute("aria-valuetext"));
        page.WaitReady("the what-if compute");

        // On to the ranking: the third area's name, then Enter opens its profile.
        var third = page.Table()[2];
        TabUntil(keys, () => Active().GetAttribute("data-code") == third.Code && Active().TagName == "button", 60);
        keys.SendKeys(Keys.Enter).Perform();
        page.Until(() => page.Driver.FindElement(By.Id("profile")).GetAttribute("data-code") == third.Code, "the profile to switch");
        var name = page.Table()[2].Cells[page.Column("Area")];
        Assert.Contains(name, page.Driver.FindElement(By.Id("profile-body")).Text);
        Assert.True(page.Table().Single(r => r.Code == third.Code).Selected);
        Assert.Equal("true", page.Driver.FindElement(By.CssSelector($"#ranking-table button[data-code='{third.Code}']")).GetAttribute("aria-pressed"));
        // Focus stays on the pressed button after the table is redrawn, so the next Tab goes on from there.
        Assert.Equal(third.Code, Active().GetAttribute("data-code"));
    }

    private IWebElement Active() => page.Driver.SwitchTo().ActiveElement();

    private static int TabUntil(Actions keys, Func<bool> reached, int most)
    {
        for (var i = 1; i <= most; i++)
        {
            keys.SendKeys(Keys.Tab).Perform();
            if (reached())
            {
                return i;
            }
        }

        throw new Xunit.Sdk.XunitException($"not reached within {most} presses of Tab");
    }
}
