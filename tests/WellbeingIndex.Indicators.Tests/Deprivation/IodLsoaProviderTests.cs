using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Deprivation;
using WellbeingIndex.Providers;
using static WellbeingIndex.Indicators.Tests.TestData;

namespace WellbeingIndex.Indicators.Tests.Deprivation;

public class IodLsoaProviderTests
{
    [Fact]
    public async Task Values_read_by_hand()
    {
        // line 2: "E01000001","imd",8.742,26525,8
        Assert.Equal(new IndicatorValue("E01000001", 8.742, Year(2025), ValueStatus.Ok), await ValueAsync(new IodImdScoreProvider(Context), "E01000001", Year(2025)));
        Assert.Equal(26525, (await ValueAsync(new IodImdRankProvider(Context), "E01000001", Year(2025))).Value);
        Assert.Equal(8, (await ValueAsync(new IodImdDecileProvider(Context), "E01000001", Year(2026))).Value);
        // line 9: "E01000001","living_environment",69.345,244,1
        Assert.Equal(69.345, (await ValueAsync(new IodLivingEnvironmentScoreProvider(Context), "E01000001", Year(2025))).Value);
        Assert.Equal(244, (await ValueAsync(new IodLivingEnvironmentRankProvider(Context), "E01000001", Year(2025))).Value);
        // line 13835: "E01001826","income",0.998,1,1
        Assert.Equal(1, (await ValueAsync(new IodIncomeRankProvider(Context), "E01001826", Year(2025))).Value);
        Assert.Equal(0.998, (await ValueAsync(new IodIncomeScoreProvider(Context), "E01001826", Year(2025))).Value);
        // line 6: "E01000001","health_deprivation_disability",-1.771,33108,10
        Assert.Equal(-1.771, (await ValueAsync(new IodHealthScoreProvider(Context), "E01000001", Year(2025))).Value);
    }

    [Fact]
    public async Task Before_the_edition_and_outside_England_not_available()
    {
        var p = new IodCrimeScoreProvider(Context);
        var early = await ValueAsync(p, "E01000001", Year(2024));
        Assert.Equal(ValueStatus.NotAvailable, early.Status);
        Assert.Contains("earliest for 'E01000001' is 2025", early.Reason);
        Assert.Contains("33755 areas", (await ValueAsync(p, "W01000001", Year(2025))).Reason);
        Assert.Equal([Year(2025)], await p.GetAvailablePeriodsAsync());
    }

    [Fact]
    public void Twenty_four_providers_under_one_id_scheme()
    {
        var ids = ProviderCatalog.Discover(Context, [BuiltInIndicators.Assembly]).Providers.Select(p => p.Metadata.Id).Where(id => id.StartsWith("iod2025-", StringComparison.Ordinal)).ToList();
        Assert.Equal(24, ids.Count);
        foreach (var domain in new[] { "imd", "income", "employment", "education", "health", "crime", "barriers", "living-environment" })
        {
            Assert.Contains($"iod2025-{domain}-score", ids);
            Assert.Contains($"iod2025-{domain}-rank", ids);
            Assert.Contains($"iod2025-{domain}-decile", ids);
        }

        // Scores are deprivation (lower is better); rank and decile 1 are the most deprived (higher is better).
        Assert.Equal(Direction.LowerIsBetter, new IodEducationScoreProvider(Context).Metadata.Direction);
        Assert.Equal(Direction.HigherIsBetter, new IodEducationRankProvider(Context).Metadata.Direction);
        Assert.Equal(0.225 + 0.225 + 0.135 + 0.135 + 0.093 * 3, IodDomain.All.Sum(d => d.Weight), 12);
    }

    [Fact]
    public void A_missing_domain_is_a_data_error()
    {
        using var dir = new TempDataDirectory().Write(IodLsoaTable.FileName, "lsoa21_code,domain,score,rank,decile\nE01000001,imd,8.7,1,1\n");
        Assert.Contains("has no 'income' row", Assert.Throws<IndicatorDataException>(() => IodLsoaTable.For(dir.Context)).Message);
        using var bad = new TempDataDirectory().Write(IodLsoaTable.FileName, "lsoa21_code,domain,score,rank,decile\nE01000001,wealth,8.7,1,1\n");
        Assert.Contains("line 2: unknown domain 'wealth'", Assert.Throws<IndicatorDataException>(() => IodLsoaTable.For(bad.Context)).Message);
    }
}
