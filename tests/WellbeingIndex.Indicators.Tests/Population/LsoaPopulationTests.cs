using NodaTime;
using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Geography;
using WellbeingIndex.Indicators.Population;
using static WellbeingIndex.Indicators.Tests.TestData;

namespace WellbeingIndex.Indicators.Tests.Population;

public class LsoaPopulationTests
{
    private static readonly ReferencePeriod Mid2019 = ReferencePeriod.ForDate(new LocalDate(2019, 6, 30));
    private static readonly ReferencePeriod Mid2020 = ReferencePeriod.ForDate(new LocalDate(2020, 6, 30));
    private readonly PopulationLsoaProvider _lsoa = new(Context);
    private readonly PopulationLocalAuthorityProvider _la = new(Context);

    [Fact]
    public async Task LSOA_values_read_by_hand()
    {
        // line 104261: "E01000001","","LSOA2021","census-2021-03-21","ONS Census 2021 TS021 (All usual residents)",1474,""
        Assert.Equal(new IndicatorValue("E01000001", 1474, LsoaPopulation.CensusDay2021, ValueStatus.Ok), await ValueAsync(_lsoa, "E01000001", Year(2022)));
        // line 62764: "E01000001","City of London 001A","LSOA2011","mid-2019",...,1636,""
        Assert.Equal(new IndicatorValue("E01000001", 1636, Mid2019, ValueStatus.Ok), await ValueAsync(_lsoa, "E01000001", Year(2019)));
        // line 101190: "E01033583","Newham 013G","LSOA2011","mid-2020",...,17274 (no 2021 row: the LSOA was split)
        Assert.Equal(new IndicatorValue("E01033583", 17274, Mid2020, ValueStatus.Ok), await ValueAsync(_lsoa, "E01033583", Year(2022)));
        Assert.Equal(ValueStatus.NotAvailable, (await ValueAsync(_lsoa, "E01000001", Year(2016))).Status);
        Assert.Equal(
            [ReferencePeriod.ForDate(new LocalDate(2017, 6, 30)), Mid2019, Mid2020, LsoaPopulation.CensusDay2021],
            await _lsoa.GetAvailablePeriodsAsync());
    }

    [Fact]
    public void Local_authority_population_is_the_sum_of_its_LSOAs()
    {
        var population = LsoaPopulation.For(Context);

        // City of London, Census 2021, lines 104261-104264, 135319-135320:
        // 1474 + 1386 + 1612 + 1101 + 1620 + 1395 = 8588 (ONS publishes 8,583 for the district: cell perturbation).
        var census = population.LocalAuthority("E09000001", Year(2022))!;
        Assert.Equal(("E09000001", 8588.0, LsoaPopulation.CensusDay2021, LsoaVintage.Lsoa2021, 6), (census.LaCode, census.Persons, census.Period, census.Vintage, census.LsoaCount));
        Assert.Contains("Census 2021", census.Method);
        Assert.Contains("2024 district boundaries", census.Method);

        // Mid-2020, lines 97517-97522: 1749 + 1678 + 1900 + 2181 + 1688 + 1742 = 10938, over 2011 LSOAs.
        var mid = population.LocalAuthority("E09000001", Year(2020))!;
        Assert.Equal((10938.0, Mid2020, LsoaVintage.Lsoa2011), (mid.Persons, mid.Period, mid.Vintage));
        Assert.Contains("mid-2020", mid.Method);

        // Cumberland (E06000063) exists only from 2023: no 2011-LSOA population; nothing before mid-2017.
        Assert.Null(population.LocalAuthority("E06000063", Year(2020)));
        Assert.NotNull(population.LocalAuthority("E06000063", Year(2023)));
        Assert.Null(population.LocalAuthority("E09000001", Year(2016)));
    }

    [Fact]
    public async Task Local_authority_provider_gives_the_sums_with_their_date()
    {
        var values = await _la.GetValuesAsync(new IndicatorRequest(["E09000001", "E06000063"], Year(2019)));
        // The same six LSOAs at mid-2019, lines 62764-62769: 1636 + 1558 + 1786 + 1888 + 1375 + 1478 = 9721.
        Assert.Equal(new IndicatorValue("E09000001", 9721, Mid2019, ValueStatus.Ok), values[0]);
        Assert.Equal(ValueStatus.NotAvailable, values[1].Status);
        Assert.Contains("2024 codes from 2021", values[1].Reason);
        Assert.Equal(8588, (await ValueAsync(_la, "E09000001", Year(2024))).Value);
    }

    [Fact]
    public void A_period_on_the_wrong_vintage_is_a_data_error()
    {
        using var dir = new TempDataDirectory().Write(LsoaPopulation.FileName,
            "lsoa_code,lsoa_name,lsoa_vintage,period,source,population,flag\nE01000001,A,LSOA2021,mid-2017,SAPE,10,\n");
        var e = Assert.Throws<IndicatorDataException>(() => LsoaPopulation.For(dir.Context));
        Assert.Contains("line 2", e.Message);
        Assert.Contains("LSOA2011", e.Message);
    }
}
