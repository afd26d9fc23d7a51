using OpenQA.Selenium.Chrome;

namespace WellbeingIndex.Dashboard.Tests;

/// <summary>
/// Debian's chromium driven by Debian's chromedriver. Both paths are explicit, so Selenium Manager never runs and
/// nothing is downloaded; a machine without them fails every test here with the command that installs them.
/// </summary>
public static class Browser
{
    public const string Chromium = "/usr/bin/chromium";
    public const string ChromeDriver = "/usr/bin/chromedriver";

    public static ChromeDriver Start(string downloads, string profile)
    {
        foreach (var path in new[] { Chromium, ChromeDriver })
        {
            if (!File.Exists(path))
            {
                throw new InvalidOperationException(
                    $"{path} is missing: the dashboard's browser tests need Debian's chromium and chromium-driver "
                    + "(apt-get update && apt-get install -y chromium chromium-driver; tests/run.sh does this).");
            }
        }

        Environment.SetEnvironmentVariable("SE_OFFLINE", "true");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriver)!, Path.GetFileName(ChromeDriver));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = Chromium };
        // As root on a machine with no internet: no sandbox, and none of Chromium's own network traffic.
        options.AddArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            $"--user-data-dir={profile}", "--window-size=1400,1000", "--lang=en-GB");
        options.AddUserProfilePreference("download.default_directory", downloads);
        options.AddUserProfilePreference("download.prompt_for_download", false);
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }
}
