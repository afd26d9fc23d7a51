using NodaTime;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Indicators;
using WellbeingIndex.Providers;

namespace WellbeingIndex.Functions.Tests.Api;

/// <summary>The London framework computed straight through FrameworkRunner, without the app: what API answers are checked against.</summary>
internal static class DirectRun
{
    private static readonly Lazy<FrameworkRunner> LazyRunner = new(() =>
        new FrameworkRunner(ProviderCatalog.Discover(new ProviderContext(DataDirectory.FromEnvironment()), [BuiltInIndicators.Assembly]), SystemClock.Instance));

    public static FrameworkRunner Runner => LazyRunner.Value;

    public static Framework London { get; } = FrameworkCatalog.FromAssembly(BuiltInIndicators.Assembly).Get("london");

    public static Task<ReferencePeriod> LatestPeriodAsync() => Runner.LatestPeriodAsync(London, CancellationToken.None);

    public static Task<FrameworkRun> ComputeAsync(ReferencePeriod period, IReadOnlyList<string>? areas = null, IndexDefinition? definition = null) =>
        Runner.ComputeAsync(London, period, areas, definition, CancellationToken.None);
}
