using WellbeingIndex.Abstractions;
using WellbeingIndex.Providers;

namespace WellbeingIndex.Indicators.Tests;

/// <summary>The real published data (read-only, beside the repository). Its absence fails the tests: they are about it.</summary>
internal static class TestData
{
    private static readonly Lazy<string> Directory = new(() =>
    {
        try
        {
            return DataDirectory.Resolve(Environment.GetEnvironmentVariable(DataDirectory.EnvironmentVariable));
        }
        catch (DirectoryNotFoundException e)
        {
            throw new InvalidOperationException(
                $"These tests check values against the real data files and could not find them. {e.Message} "
                + $"Set {DataDirectory.EnvironmentVariable} to the folder holding PROVENANCE.md and the CSV files.", e);
        }
    });

    public static ProviderContext Context => new(Directory.Value);

    public static ReferencePeriod Year(int year) => ReferencePeriod.ForCalendarYear(year);

    public static async Task<IndicatorValue> ValueAsync(IIndicatorProvider provider, string area, ReferencePeriod period) =>
        (await provider.GetValuesAsync(new IndicatorRequest([area], period)))[0];
}
