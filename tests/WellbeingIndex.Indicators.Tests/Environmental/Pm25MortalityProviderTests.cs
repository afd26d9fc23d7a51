using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Environmental;
using static WellbeingIndex.Indicators.Tests.TestData;

namespace WellbeingIndex.Indicators.Tests.Environmental;

/// <summary>The two PM2.5 providers against ohid_pm25_attributable_mortality_fraction_la_2010_2021.csv: never spliced.</summary>
public class Pm25MortalityProviderTests
{
    private readonly Pm25MortalityOldMethodProvider _old = new(Context);
    private readonly Pm25MortalityNewMethodProvider _new = new(Context);

    [Fact]
    public async Task The_2018_2019_overlap_gives_each_method_its_own_value()
    {
        // line 4387: E09000033,Westminster,local_authority,2018,old,7.0,
        // line 1284: E09000033,Westminster,local_authority,2018,new_2022,9.49,
        Assert.Equal(new IndicatorValue("E09000033", 7.0, Year(2018), ValueStatus.Ok), await ValueAsync(_old, "E09000033", Year(2018)));
        Assert.Equal(new IndicatorValue("E09000033", 9.49, Year(2018), ValueStatus.Ok), await ValueAsync(_new, "E09000033", Year(2018)));
        // line 4388: ...,2019,old,6.8,   line 1285: ...,2019,new_2022,9.29,
        Assert.Equal(6.8, (await ValueAsync(_old, "E09000033", Year(2019))).Value);
        Assert.Equal(9.29, (await ValueAsync(_new, "E09000033", Year(2019))).Value);
    }

    [Fact]
    public async Task Across_the_break_each_method_stays_on_its_own_series()
    {
        // After 2019 the old method keeps its 2019 value, dated 2019 (line 4388), never the new 2021 value.
        Assert.Equal(new IndicatorValue("E09000033", 6.8, Year(2019), ValueStatus.Ok), await ValueAsync(_old, "E09000033", Year(2021)));
        // line 1287: E09000033,Westminster,local_authority,2021,new_2022,7.06,
        Assert.Equal(new IndicatorValue("E09000033", 7.06, Year(2021), ValueStatus.Ok), await ValueAsync(_new, "E09000033", Year(2021)));
        // Before 2018 the new method has nothing: NotAvailable naming its earliest period, not the old value.
        var before = await ValueAsync(_new, "E09000033", Year(2017));
        Assert.Equal((ValueStatus.NotAvailable, (double?)null, (ReferencePeriod?)null), (before.Status, before.Value, before.Period));
        Assert.Contains("the earliest for 'E09000033' is 2018", before.Reason);
        Assert.Equal(Enumerable.Range(2010, 10).Select(Year), await _old.GetAvailablePeriodsAsync());
        Assert.Equal(Enumerable.Range(2018, 4).Select(Year), await _new.GetAvailablePeriodsAsync());
    }

    [Fact]
    public async Task Flags_become_statuses_with_reasons()
    {
        // line 236: E06000061,North Northamptonshire,local_authority,2020,new_2022,,missing_value
        var missing = await ValueAsync(_new, "E06000061", Year(2020));
        Assert.Equal(new IndicatorValue("E06000061", null, Year(2020), ValueStatus.NotAvailable, "OHID: no value published for this area and year."), missing);

        // line 1898: E06000060,Buckinghamshire UA,local_authority,2018,old,5.63,value_for_bucks_county_applied_to_bucks_ua
        var bucks = await ValueAsync(_old, "E06000060", Year(2018));
        Assert.Equal((5.63, ValueStatus.Ok), (bucks.Value, bucks.Status));
        Assert.Contains("Buckinghamshire county", bucks.Reason);

        // line 1828: E06000052,Cornwall,local_authority,2012,old,3.3,value_for_cornwall_and_isles_of_scilly_combined
        var cornwall = await ValueAsync(_old, "E06000052", Year(2012));
        Assert.Equal((3.3, ValueStatus.Ok), (cornwall.Value, cornwall.Status));
        Assert.Contains("this value is for the two combined", cornwall.Reason);
        // line 1838: E06000053,Isles of Scilly,local_authority,2012,old,3.3,value_for_cornwall_and_isles_of_scilly_combined
        // The combined 3.3 is not given to the Isles of Scilly alone.
        var scilly = await ValueAsync(_old, "E06000053", Year(2012));
        Assert.Equal((null, ValueStatus.NotAvailable, Year(2012)), (scilly.Value, scilly.Status, scilly.Period));
        Assert.Contains("only combined with Cornwall", scilly.Reason);
    }

    [Fact]
    public async Task An_unknown_method_is_a_data_error()
    {
        using var dir = new TempDataDirectory().Write("ohid_pm25_attributable_mortality_fraction_la_2010_2021.csv",
            "area_code,area_name,geography_level,year,method,pct_mortality_attributable_pm25,flag\nE09000033,Westminster,local_authority,2018,spliced,8.0,\n");
        var e = await Assert.ThrowsAsync<IndicatorDataException>(() => new Pm25MortalityNewMethodProvider(dir.Context).GetValuesAsync(new IndicatorRequest(["E09000033"], Year(2018))));
        Assert.Contains("line 2: unknown method 'spliced'", e.Message);
    }
}
