using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.FuelPoverty;
using static WellbeingIndex.Indicators.Tests.TestData;

namespace WellbeingIndex.Indicators.Tests.FuelPoverty;

public class FuelPovertyProviderTests
{
    private readonly FuelPovertyLihcProvider _lihc = new(Context);
    private readonly FuelPovertyLileeProvider _lilee = new(Context);
    private readonly FuelPovertyLileeLsoaProvider _lsoa = new(Context);

    [Fact]
    public async Task LIHC_values_2011_to_2018()
    {
        // line 2: 2011,2013,LIHC,E09000001,00AA,City of London,London borough,4782,120,2.5
        Assert.Equal(new IndicatorValue("E09000001", 2.5, Year(2011), ValueStatus.Ok), await ValueAsync(_lihc, "E09000001", Year(2011)));
        // line 2606: 2018,2020,LIHC,E09000030,,Tower Hamlets,London borough,106001,10118,9.5
        Assert.Equal(9.5, (await ValueAsync(_lihc, "E09000030", Year(2018))).Value);
        Assert.Equal(Enumerable.Range(2011, 8).Select(Year), await _lihc.GetAvailablePeriodsAsync());
    }

    [Fact]
    public async Task LILEE_values_2019_to_2022()
    {
        // line 3864: 2022,2024,LILEE,E09000030,,Tower Hamlets,London borough,129518,10398,8.028
        Assert.Equal(new IndicatorValue("E09000030", 8.028, Year(2022), ValueStatus.Ok), await ValueAsync(_lilee, "E09000030", Year(2022)));
        // line 2839: 2019,2021,LILEE,E09000030,,Tower Hamlets,London borough,107761,15290,14.189
        Assert.Equal(14.189, (await ValueAsync(_lilee, "E09000030", Year(2019))).Value);
        // line 3851: 2022,2024,LILEE,E12000007,,LONDON,region,3683167,383768,10.42
        Assert.Equal(10.42, (await ValueAsync(_lilee, "E12000007", Year(2022))).Value);
        Assert.Equal(Enumerable.Range(2019, 4).Select(Year), await _lilee.GetAvailablePeriodsAsync());
    }

    [Fact]
    public async Task The_series_break_is_never_crossed_in_one_answer()
    {
        // After the break, LIHC answers with its last year, dated 2018 - never with a LILEE value.
        var late = await ValueAsync(_lihc, "E09000030", Year(2022));
        Assert.Equal((9.5, Year(2018)), (late.Value!.Value, late.Period!.Value));

        // Before the break, LILEE has nothing; it does not fall back to LIHC.
        var early = await ValueAsync(_lilee, "E09000030", Year(2018));
        Assert.Equal(ValueStatus.NotAvailable, early.Status);
        Assert.Contains("earliest for 'E09000030' is 2019", early.Reason);

        Assert.Empty((await _lihc.GetAvailablePeriodsAsync()).Intersect(await _lilee.GetAvailablePeriodsAsync()));
        Assert.Contains("Series break", _lihc.Metadata.Notes);
        Assert.Contains("Series break", _lilee.Metadata.Notes);
        Assert.All(new IIndicatorProvider[] { _lihc, _lilee, _lsoa }, p => Assert.Equal(Direction.LowerIsBetter, p.Metadata.Direction));
    }

    [Fact]
    public async Task LSOA_modelled_estimates_from_the_gzipped_file()
    {
        // line 120221: 2022,2024,LILEE,E01000001,City of London 001A,LSOA2021,E09000001,City of London,London,907,45,4.961
        Assert.Equal(new IndicatorValue("E01000001", 4.961, Year(2022), ValueStatus.Ok), await ValueAsync(_lsoa, "E01000001", Year(2022)));
        // line 2: 2019,2021,LILEE,E01000001,City of London 001A,LSOA2011,...,928,59,6.358
        Assert.Equal(6.358, (await ValueAsync(_lsoa, "E01000001", Year(2019))).Value);
        Assert.Equal(GeographyLevel.Lsoa, _lsoa.Metadata.Geography);
        Assert.StartsWith("Modelled estimates", _lsoa.Metadata.Notes);
        Assert.Equal(Enumerable.Range(2019, 4).Select(Year), await _lsoa.GetAvailablePeriodsAsync());
    }

    [Fact]
    public async Task A_2011_LSOA_gone_in_2021_keeps_its_2020_value_dated()
    {
        // line 65504: 2020,2022,LILEE,E01033583,Newham 013G,LSOA2011,E09000025,Newham,London,1325,218,16.453 (no 2021/2022 rows)
        var v = await ValueAsync(_lsoa, "E01033583", Year(2022));
        Assert.Equal(new IndicatorValue("E01033583", 16.453, Year(2020), ValueStatus.Ok), v);
    }
}
