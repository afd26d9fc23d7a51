using System.Diagnostics;
using System.Text;
using Newtonsoft.Json.Linq;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace WellbeingIndex.Dashboard.Tests;

/// <summary>One host and one browser for the whole collection; each test loads the page afresh.</summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    private readonly string scratch = Directory.CreateTempSubdirectory("wellbeing-dashboard-").FullName;
    private DashboardServer? server;
    private ChromeDriver? driver;

    public ChromeDriver Driver => driver ?? throw new InvalidOperationException("not started");

    public DashboardServer Server => server ?? throw new InvalidOperationException("not started");

    public HttpClient Api { get; private set; } = null!;

    public string Downloads => Path.Combine(scratch, "downloads");

    public async Task InitializeAsync()
    {
        server = await DashboardServer.StartAsync();
        Api = new HttpClient { BaseAddress = server.Address };
        Directory.CreateDirectory(Downloads);
        driver = Browser.Start(Downloads, Path.Combine(scratch, "profile"));
    }

    public async Task DisposeAsync()
    {
        driver?.Quit();
        driver?.Dispose();
        Api?.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        Directory.Delete(scratch, recursive: true);
    }

    public async Task<JObject> GetAsync(string path) => JObject.Parse(await Api.GetStringAsync(path));

    public async Task<JObject> ComputeAsync(string framework, JObject body)
    {
        using var content = new StringContent(body.ToString(), Encoding.UTF8, "application/json");
        using var response = await Api.PostAsync($"api/frameworks/{framework}/compute?detail=full", content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"compute {body}: {(int)response.StatusCode} {text}");
        return JObject.Parse(text);
    }

    /// <summary>Loads the dashboard at the given size and waits until the first compute (rank ranges) has landed.</summary>
    public void Open(int width = 1400, int height = 1000, string query = "")
    {
        Driver.Manage().Window.Size = new System.Drawing.Size(width, height);
        Driver.Navigate().GoToUrl(new Uri(Server.Address, query));
        WaitReady();
    }

    /// <summary>Waits until no compute is pending or in flight and the table is drawn.</summary>
    public void WaitReady(string? because = null)
    {
        Until(() => (string?)Driver.ExecuteScript(
            "return document.body.dataset.state === 'ready' && document.querySelectorAll('#ranking-table tbody tr').length > 0 ? 'yes' : null;") is not null,
            because ?? "the dashboard to be ready");
        var error = Driver.FindElement(By.Id("error"));
        Assert.False(error.Displayed, $"the dashboard shows an error: {error.Text}");
    }

    public void Until(Func<bool> condition, string what, double seconds = 30)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(seconds))
            {
                var state = Driver.ExecuteScript("return document.body.dataset.state + ' | ' + document.getElementById('whatif-status').textContent + ' | ' + document.getElementById('error').textContent;");
                throw new TimeoutException($"waited {seconds} s for {what}; page state: {state}");
            }

            Thread.Sleep(50);
        }
    }

    /// <summary>Runs a script that returns a string (JSON, usually).</summary>
    public string Script(string script, params object[] args) =>
        Driver.ExecuteScript(script, args) as string ?? throw new InvalidOperationException($"the script returned no string: {script}");

    /// <summary>The ranking table as drawn: one entry per row, top to bottom.</summary>
    public IReadOnlyList<TableRow> Table()
    {
        var json = Script("""
            return JSON.stringify([...document.querySelectorAll('#ranking-table tbody tr')].map(tr => {
              const cells = [...tr.children].map(c => c.textContent.trim());
              return { code: tr.dataset.code, cells, selected: tr.classList.contains('selected') };
            }));
            """);
        return JArray.Parse(json).Select(r => new TableRow(
            r["code"]!.Value<string>()!,
            r["cells"]!.Values<string>().Select(c => c!).ToArray(),
            r["selected"]!.Value<bool>())).ToList();
    }

    /// <summary>Index of a column in the ranking table by its heading.</summary>
    public int Column(string heading)
    {
        var json = Script("return JSON.stringify([...document.querySelectorAll('#ranking-table thead th')].map(th => th.textContent.trim()));");
        var headings = JArray.Parse(json).Values<string>().ToList();
        var index = headings.IndexOf(heading);
        Assert.True(index >= 0, $"no column '{heading}' in {string.Join(", ", headings)}");
        return index;
    }
}

public sealed record TableRow(string Code, string[] Cells, bool Selected);

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}
