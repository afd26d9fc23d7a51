using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators;
using WellbeingIndex.Providers;
using static WellbeingIndex.Indicators.Tests.TestData;

namespace WellbeingIndex.Indicators.Tests.Providers;

public class ProviderCatalogTests
{
    internal static string SamplePluginFolder => Path.Combine(AppContext.BaseDirectory, "plugins", "SamplePlugin");

    private static readonly string[] BuiltInIds =
    [
        "access-travel-time-car", "access-travel-time-cycle", "access-travel-time-pt-walk",
        "air-pm25-mortality-new-method", "air-pm25-mortality-old-method", "fuel-poverty-lihc", "fuel-poverty-lilee",
        "fuel-poverty-lilee-lsoa", "green-greenspace-area", "green-private-outdoor-space", "health-adult-obesity",
        "health-hle-female", "health-hle-male", "health-preventable-cvd-mortality", "housing-affordability-ratio",
        "income-children-low-income-ahc", "income-children-low-income-bhc", "income-gdhi-per-head",
        "income-median-weekly-pay", "iod2025-barriers-decile", "iod2025-barriers-rank", "iod2025-barriers-score",
        "iod2025-crime-decile", "iod2025-crime-rank", "iod2025-crime-score", "iod2025-education-decile",
        "iod2025-education-rank", "iod2025-education-score", "iod2025-employment-decile", "iod2025-employment-rank",
        "iod2025-employment-score", "iod2025-health-decile", "iod2025-health-rank", "iod2025-health-score",
        "iod2025-imd-decile", "iod2025-imd-rank", "iod2025-imd-score", "iod2025-income-decile", "iod2025-income-rank",
        "iod2025-income-score", "iod2025-living-environment-decile", "iod2025-living-environment-rank",
        "iod2025-living-environment-score", "overcrowding-census2021", "overcrowding-census2021-lsoa",
        "population-la", "population-lsoa", "safety-recorded-crime-rate", "sustainability-ghg-per-capita",
        "wellbeing-anxiety", "wellbeing-happiness", "wellbeing-life-satisfaction", "wellbeing-worthwhile",
        "work-economic-inactivity", "work-employment-rate",
    ];

    [Fact]
    public void Discovers_every_built_in_provider_by_reflection()
    {
        var catalog = ProviderCatalog.Discover(Context, [BuiltInIndicators.Assembly]);
        Assert.Equal(BuiltInIds, catalog.Providers.Select(p => p.Metadata.Id));
        Assert.All(catalog.Providers, p => Assert.Empty(p.Metadata.Validate()));
        Assert.Same(catalog.Get("fuel-poverty-lilee"), catalog.Providers[Array.IndexOf(BuiltInIds, "fuel-poverty-lilee")]);
        Assert.True(catalog.TryGet("income-median-weekly-pay", out _));
        Assert.False(catalog.TryGet("nope", out _));
    }

    [Fact]
    public void An_unknown_id_lists_the_known_ones()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => ProviderCatalog.Discover(Context, [BuiltInIndicators.Assembly]).Get("income"));
        Assert.Equal($"No indicator provider 'income'. Known: {string.Join(", ", BuiltInIds)}.", e.Message);
    }

    [Fact]
    public async Task Finds_a_plugin_built_against_the_contract_alone()
    {
        Assert.True(File.Exists(Path.Combine(SamplePluginFolder, "SamplePlugin.dll")), $"the sample plug-in was not built to {SamplePluginFolder}");
        Assert.False(File.Exists(Path.Combine(SamplePluginFolder, "WellbeingIndex.Abstractions.dll")), "the plug-in must not carry its own contract");
        using var dir = PluginsDirectory(("SamplePlugin", SamplePluginFolder));

        var catalog = ProviderCatalog.Discover(Context, [BuiltInIndicators.Assembly], dir.Path);

        Assert.Equal(BuiltInIds.Append("sample-monthly-cycling").Order(StringComparer.Ordinal), catalog.Providers.Select(p => p.Metadata.Id));
        var plugin = catalog.Get("sample-monthly-cycling");
        Assert.NotEqual(typeof(ProviderCatalog).Assembly, plugin.GetType().Assembly);
        // gla_london_borough_profiles_2017.csv, column 65 "% of adults who cycle at least once per month, 2014/15",
        // line 28 (Richmond upon Thames, E09000027): 33.132045323902197
        var v = await ValueAsync(plugin, "E09000027", Year(2020));
        Assert.Equal(new IndicatorValue("E09000027", 33.132045323902197, ReferencePeriod.ForFinancialYear(2014), ValueStatus.Ok), v);
    }

    [Fact]
    public void Two_providers_with_one_id_are_rejected_naming_both()
    {
        // The same plug-in twice: once as a folder, once as a lone dll.
        using var dir = PluginsDirectory(("SamplePlugin", SamplePluginFolder));
        File.Copy(Path.Combine(SamplePluginFolder, "SamplePlugin.dll"), Path.Combine(dir.Path, "Copy.dll"));
        var e = Assert.Throws<ProviderDiscoveryException>(() => ProviderCatalog.Discover(Context, [BuiltInIndicators.Assembly], dir.Path));
        Assert.Contains("two providers have the id 'sample-monthly-cycling'", e.Message);
        Assert.Equal("SamplePlugin.MonthlyCyclingProvider", e.TypeName);
        Assert.Contains("Copy.dll", e.Message + e.File);

        var twice = Assert.Throws<ProviderDiscoveryException>(() => ProviderCatalog.FromProviders(Context,
            [new WellbeingIndex.Indicators.Income.MedianWeeklyPayProvider(Context), new FakeProvider(Metadata("income-median-weekly-pay"))]));
        Assert.Contains("two providers have the id 'income-median-weekly-pay': this one and WellbeingIndex.Indicators.Income.MedianWeeklyPayProvider", twice.Message);
    }

    [Fact]
    public void Invalid_metadata_is_rejected_listing_every_gap()
    {
        var bad = Metadata("Bad Id") with { Publisher = " ", Url = new Uri("relative", UriKind.Relative) };
        var e = Assert.Throws<ProviderDiscoveryException>(() => ProviderCatalog.FromProviders(Context, [new FakeProvider(bad)]));
        Assert.Equal(typeof(FakeProvider).FullName, e.TypeName);
        Assert.Contains("invalid metadata: Id 'Bad Id' must be non-empty lower-case letters", e.Message);
        Assert.Contains("Publisher is required.", e.Message);
        Assert.Contains("Url must be an absolute URI.", e.Message);
    }

    [Fact]
    public void A_provider_without_a_usable_constructor_is_rejected()
    {
        var e = Assert.Throws<ProviderDiscoveryException>(() => ProviderCatalog.Instantiate(typeof(NeedsAString), Context));
        Assert.Contains("no usable constructor", e.Message);
        Assert.Equal(typeof(NeedsAString).FullName, e.TypeName);
        Assert.EndsWith("WellbeingIndex.Indicators.Tests.dll)", e.Message);

        var throws = Assert.Throws<ProviderDiscoveryException>(() => ProviderCatalog.Instantiate(typeof(ThrowingProvider), Context));
        Assert.Contains("the constructor threw InvalidOperationException: no config", throws.Message);

        // A parameterless constructor is enough.
        Assert.IsType<ParameterlessProvider>(ProviderCatalog.Instantiate(typeof(ParameterlessProvider), Context));
    }

    [Fact]
    public void A_file_that_is_not_an_assembly_is_rejected_naming_it()
    {
        using var dir = new TempDataDirectory();
        var file = Path.Combine(dir.Path, "Broken.dll");
        File.WriteAllText(file, "not a PE file");
        var e = Assert.Throws<ProviderDiscoveryException>(() => ProviderCatalog.Discover(Context, [BuiltInIndicators.Assembly], dir.Path));
        Assert.Equal(file, e.File);
        Assert.StartsWith("the plug-in could not be loaded", e.Message);
    }

    [Fact]
    public void A_plugin_folder_without_its_dll_and_a_missing_directory_are_rejected()
    {
        using var dir = new TempDataDirectory();
        Directory.CreateDirectory(Path.Combine(dir.Path, "Empty"));
        Assert.Contains("has no Empty.dll", Assert.Throws<ProviderDiscoveryException>(() => ProviderCatalog.Discover(Context, [BuiltInIndicators.Assembly], dir.Path)).Message);
        Assert.Contains("does not exist", Assert.Throws<ProviderDiscoveryException>(() => ProviderCatalog.Discover(Context, [BuiltInIndicators.Assembly], Path.Combine(dir.Path, "nope"))).Message);
    }

    internal static TempDataDirectory PluginsDirectory(params (string Name, string Source)[] plugins)
    {
        var dir = new TempDataDirectory();
        foreach (var (name, source) in plugins)
        {
            var target = Directory.CreateDirectory(Path.Combine(dir.Path, name)).FullName;
            foreach (var file in Directory.GetFiles(source))
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
            }
        }

        return dir;
    }

    internal static IndicatorMetadata Metadata(string id) => new()
    {
        Id = id,
        Name = "Fake",
        Domain = "test",
        Unit = "units",
        Direction = Direction.HigherIsBetter,
        Geography = GeographyLevel.LocalAuthority,
        Publisher = "Tests",
        Dataset = "None",
        Url = new Uri("https://example.org/"),
        Licence = "OGL",
        PeriodKind = PeriodKind.CalendarYear,
    };

    public sealed class FakeProvider(IndicatorMetadata metadata) : IIndicatorProvider
    {
        public IndicatorMetadata Metadata => metadata;

        public Task<IReadOnlyList<IndicatorValue>> GetValuesAsync(IndicatorRequest request, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<ReferencePeriod>> GetAvailablePeriodsAsync(CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }

    public sealed class NeedsAString(string setting) : IIndicatorProvider
    {
        public IndicatorMetadata Metadata => ProviderCatalogTests.Metadata(setting);

        public Task<IReadOnlyList<IndicatorValue>> GetValuesAsync(IndicatorRequest request, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<ReferencePeriod>> GetAvailablePeriodsAsync(CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }

    public sealed class ThrowingProvider : IIndicatorProvider
    {
        public ThrowingProvider(ProviderContext context) => throw new InvalidOperationException("no config");

        public IndicatorMetadata Metadata => ProviderCatalogTests.Metadata("x");

        public Task<IReadOnlyList<IndicatorValue>> GetValuesAsync(IndicatorRequest request, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<ReferencePeriod>> GetAvailablePeriodsAsync(CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }

    public sealed class ParameterlessProvider : IIndicatorProvider
    {
        public IndicatorMetadata Metadata => ProviderCatalogTests.Metadata("parameterless");

        public Task<IReadOnlyList<IndicatorValue>> GetValuesAsync(IndicatorRequest request, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<ReferencePeriod>> GetAvailablePeriodsAsync(CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }
}
