using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.Geography;
using static WellbeingIndex.Indicators.Tests.TestData;

namespace WellbeingIndex.Indicators.Tests.Geography;

public class LsoaLookupTests
{
    private readonly LsoaLookup _lookup = LsoaLookup.For(Context);

    [Fact]
    public void Both_vintages_cover_England()
    {
        // 2019-2020 rows: 32,844 LSOA2011 codes in 326 districts; 2021-2022 rows: 33,755 LSOA2021 codes in 296 districts
        // (counted with: zcat ... | awk -F, '$1==2022' | cut -d, -f4 | sort -u | wc -l, and the same for la_code).
        Assert.Equal(32_844, _lookup.All(LsoaVintage.Lsoa2011).Count);
        Assert.Equal(33_755, _lookup.All(LsoaVintage.Lsoa2021).Count);
        Assert.Equal(326, _lookup.LocalAuthorities(LsoaVintage.Lsoa2011).Count);
        Assert.Equal(296, _lookup.LocalAuthorities(LsoaVintage.Lsoa2021).Count);
    }

    [Fact]
    public void Places_read_by_hand()
    {
        // line 120221: 2022,2024,LILEE,E01000001,City of London 001A,LSOA2021,E09000001,City of London,London,907,45,4.961
        Assert.Equal(new LsoaPlace("E01000001", "City of London 001A", LsoaVintage.Lsoa2021, "E09000001", "City of London", "E12000007", "London"),
            _lookup.Find("E01000001", LsoaVintage.Lsoa2021));
        // line 124164: 2022,2024,LILEE,E01035716,Westminster 013G,LSOA2021,E09000033,Westminster,London,... (a 2021-only code)
        Assert.Equal("E09000033", _lookup.Find("E01035716", LsoaVintage.Lsoa2021)!.LaCode);
        Assert.Null(_lookup.Find("E01035716", LsoaVintage.Lsoa2011));
        // line 65504: 2020,2022,LILEE,E01033583,Newham 013G,LSOA2011,E09000025,Newham,... (split in 2021: no 2021 rows)
        Assert.Equal("E09000025", _lookup.Find("E01033583", LsoaVintage.Lsoa2011)!.LaCode);
        Assert.Null(_lookup.Find("E01033583", LsoaVintage.Lsoa2021));
        // lines 120221-120226: the six 2021 LSOAs of the City of London, 001A, 001B, 001C, 001E, 001F, 001G.
        Assert.Equal(["E01000001", "E01000002", "E01000003", "E01000005", "E01032739", "E01032740"],
            _lookup.In("E09000001", LsoaVintage.Lsoa2021).Select(p => p.LsoaCode));
        Assert.Empty(_lookup.In("E99999999", LsoaVintage.Lsoa2021));
    }

    [Fact]
    public void The_2021_districts_are_the_2024_districts_of_the_IoD_summaries()
    {
        // mhclg_iod2025_lad24_summaries.csv lists 296 ltla24_code values; every one is a district of the 2021 lookup.
        var lad24 = File.ReadLines(Path.Combine(Context.DataDirectory, "mhclg_iod2025_lad24_summaries.csv")).Skip(1)
            .Select(l => l.Split(',')[0].Trim('"')).ToHashSet();
        Assert.Equal(296, lad24.Count);
        Assert.True(lad24.SetEquals(_lookup.LocalAuthorities(LsoaVintage.Lsoa2021)));
        // Cumberland (E06000063, created April 2023) appears only in the 2021 lookup.
        Assert.Contains("E06000063", _lookup.LocalAuthorities(LsoaVintage.Lsoa2021));
        Assert.DoesNotContain("E06000063", _lookup.LocalAuthorities(LsoaVintage.Lsoa2011));
    }

    [Fact]
    public void Parsed_once_per_data_directory()
    {
        Assert.Same(_lookup, LsoaLookup.For(new ProviderContext(Context.DataDirectory)));
    }

    [Fact]
    public void An_LSOA_in_two_districts_within_one_vintage_is_a_data_error()
    {
        const string header = "data_year,publication_year,metric,lsoa_code,lsoa_name,lsoa_vintage,la_code,la_name,region,households,fuel_poor_households,pct_fuel_poor\n";
        using var dir = new TempDataDirectory().Write(LsoaLookup.FileName, header
            + "2021,2023,LILEE,E01000001,A,LSOA2021,E09000001,City of London,London,1,1,1\n"
            + "2022,2024,LILEE,E01000001,A,LSOA2021,E09000002,Barking,London,1,1,1\n");
        var e = Assert.Throws<IndicatorDataException>(() => LsoaLookup.For(dir.Context));
        Assert.Contains("line 3", e.Message);
        Assert.Contains("on line 2", e.Message);

        using var bad = new TempDataDirectory().Write(LsoaLookup.FileName, header + "2021,2023,LILEE,E01000001,A,LSOA2031,E09000001,C,London,1,1,1\n");
        Assert.Contains("'lsoa_vintage' is 'LSOA2031'", Assert.Throws<IndicatorDataException>(() => LsoaLookup.For(bad.Context)).Message);
    }
}
