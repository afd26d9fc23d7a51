using Deque.AxeCore.Commons;
using Newtonsoft.Json.Linq;
using OpenQA.Selenium;

namespace WellbeingIndex.Dashboard.Tests;

/// <summary>
/// WCAG 2.2 A and AA rules that can be checked by machine (contrast, labels, names, roles, landmarks, focusable scroll
/// regions) with axe-core, which the Deque.AxeCore.Commons package carries: nothing is fetched.
/// </summary>
[Collection(DashboardCollection.Name)]
public class AccessibilityTests(DashboardFixture page)
{
    private static readonly string Axe = new BundledAxeScriptProvider().GetScript();

    [Theory]
    [InlineData(1400)]
    [InlineData(390)]
    public void The_page_has_no_WCAG_2_2_AA_violations_axe_can_find(int width)
    {
        page.Open(width, 1000);
        // Open everything a user can open: the note, and the profile of an area with withheld values.
        page.Driver.FindElement(By.CssSelector("#about summary")).Click();
        page.Driver.ExecuteScript("document.querySelector('#ranking-table button[data-code=\"E09000001\"]').click();");
        page.Until(() => page.Driver.FindElement(By.Id("profile")).GetAttribute("data-code") == "E09000001", "the City's profile");

        page.Driver.ExecuteScript(Axe);
        var json = page.Driver.ExecuteAsyncScript("""
            const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
              .then(r => done(JSON.stringify({ passes: r.passes.length, violations: r.violations.map(v => ({ id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) })) })))
              .catch(e => done(JSON.stringify({ error: String(e) })));
            """) as string;
        var result = JObject.Parse(json ?? "{}");
        Assert.Null(result["error"]);
        Assert.True(result["passes"]!.Value<int>() > 10, "axe ran too few rules to mean anything");
        var violations = result["violations"]!.Select(v => $"{v["id"]}: {v["help"]} at {string.Join(", ", v["nodes"]!.Values<string>())}").ToList();
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
