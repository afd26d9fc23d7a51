using System.Reflection;
using NodaTime;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Api.Http;
using WellbeingIndex.Providers;

namespace WellbeingIndex.Api;

/// <summary>
/// The frameworks, the discovered providers and the runner, built once per process from the data and plug-in
/// directories. Built on first use, so the app (and /api/health) starts even when the data directory is wrong and the
/// first request that needs data says what is wrong.
/// </summary>
public sealed class WellbeingRuntime
{
    /// <param name="settings">Data and plug-in directories.</param>
    /// <param name="clock">Stamps computations.</param>
    /// <param name="builtIn">The assembly whose providers and frameworks are built in (the composition root passes
    /// <c>BuiltInIndicators.Assembly</c>).</param>
    public WellbeingRuntime(ApiSettings settings, IClock clock, Assembly builtIn)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(builtIn);
        DataDirectory = Providers.DataDirectory.Resolve(settings.DataDirectory);
        ProviderCatalog = ProviderCatalog.Discover(new ProviderContext(DataDirectory), [builtIn], settings.PluginsDirectory);
        Frameworks = FrameworkCatalog.FromAssembly(builtIn, data: ProviderCatalog.Context);
        Runner = new FrameworkRunner(ProviderCatalog, clock);
    }

    public string DataDirectory { get; }

    public ProviderCatalog ProviderCatalog { get; }

    public FrameworkCatalog Frameworks { get; }

    public FrameworkRunner Runner { get; }

    /// <summary>The framework named in a route; a 404 problem naming <c>id</c> when there is none.</summary>
    public Framework Framework(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Frameworks.TryGet(id, out var framework)
            ? framework
            : throw ApiProblem.NotFound($"No framework '{id}'. Known: {string.Join(", ", Frameworks.All.Select(f => f.Id))}.", "id").ToException();
    }
}
