using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using NodaTime;
using WellbeingIndex.Api;
using WellbeingIndex.Server;
using WellbeingIndex.Providers;

namespace WellbeingIndex.Functions.Tests.Api;

/// <summary>
/// The app in memory, on the real data (resolved like the app does: a missing data directory fails the tests, it does
/// not skip them). The timer and start-up publish are off unless a test turns them on; publishing needs <see cref="Key"/>.
/// </summary>
public class ApiFactory : WebApplicationFactory<ScheduledPublisher> // any public type of the server assembly: the factory runs its entry point
{
    public const string Key = "test-publish-key";

    private readonly Dictionary<string, string?> _settings;
    private readonly IClock? _clock;

    public ApiFactory() : this(new Dictionary<string, string?>())
    {
    }

    /// <param name="overrides">Settings replacing the defaults above.</param>
    /// <param name="clock">The app's clock (a FakeClock ages the store's cached latest pointer); the system clock when null.</param>
    internal ApiFactory(IReadOnlyDictionary<string, string?> overrides, IClock? clock = null)
    {
        _clock = clock;
        _settings = new Dictionary<string, string?>
        {
            [ApiSettings.DataDirKey] = DataDirectory.FromEnvironment(),
            [ApiSettings.TimerKey] = "false",
            [ApiSettings.PublishOnStartKey] = "false",
            [ApiSettings.PublishKeyKey] = Key,
        };
        foreach (var (k, v) in overrides)
        {
            _settings[k] = v;
        }
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (k, v) in _settings)
        {
            builder.UseSetting(k, v);
        }

        if (_clock is { } clock)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
    }

    public static async Task<JToken> JsonAsync(HttpResponseMessage response) =>
        JToken.Parse(await response.Content.ReadAsStringAsync());

    public static StringContent Json(string json) => new(json, new MediaTypeHeaderValue("application/json"));
}
