using WellbeingIndex.Abstractions;
using WellbeingIndex.Indicators.FuelPoverty;
using WellbeingIndex.Indicators.GreenSpace;
using WellbeingIndex.Indicators.Housing;
using WellbeingIndex.Indicators.Income;
using static WellbeingIndex.Indicators.Tests.TestData;

namespace WellbeingIndex.Indicators.Tests.Common;

/// <summary>How the built-in providers answer files that are wrong, and areas and periods the files do not have.</summary>
public class BadDataTests
{
    private const string Affordability = "ons_affordability_ratio_residence_based_london_2002_2023.csv";
    private const string Header = "area_code,legacy_code,area_name,geography_type,year,measure,value,flag\n";
    private const string Measure = "median_house_price_to_median_residence_based_earnings_ratio";

    private static async Task<IndicatorDataException> FailsAsync(IIndicatorProvider provider) =>
        await Assert.ThrowsAsync<IndicatorDataException>(() => provider.GetValuesAsync(new IndicatorRequest(["E09000002"], Year(2020))));

    [Fact]
    public async Task A_duplicate_area_and_period_names_both_lines()
    {
        using var dir = new TempDataDirectory().Write(Affordability, Header
            + $"E09000002,00AB,Barking and Dagenham,London borough,2020,{Measure},10.1,\n"
            + $"E09000002,00AB,Barking and Dagenham,London borough,2020,lower_quartile_house_price_to_lower_quartile_residence_based_earnings_ratio,9.0,\n"
            + $"E09000002,00AB,Barking and Dagenham,London borough,2020,{Measure},10.2,\n");
        var e = await FailsAsync(new AffordabilityRatioProvider(dir.Context));
        Assert.Equal((Affordability, 4), (e.File, e.Line));
        Assert.Contains("duplicate row: 'E09000002' 2020 already given on line 2", e.Message);
    }

    [Fact]
    public async Task A_non_numeric_value_names_file_line_and_column()
    {
        using var dir = new TempDataDirectory().Write(Affordability, Header + $"E09000002,00AB,Barking,London borough,2020,{Measure},ten,\n");
        var e = await FailsAsync(new AffordabilityRatioProvider(dir.Context));
        Assert.Equal("housing-affordability-ratio: ons_affordability_ratio_residence_based_london_2002_2023.csv line 2: column 'value' is 'ten', not a number.", e.Message);
    }

    [Fact]
    public async Task A_blank_value_without_a_flag_and_an_unknown_flag_are_errors_not_gaps()
    {
        using var blank = new TempDataDirectory().Write(Affordability, Header + $"E09000002,00AB,Barking,London borough,2020,{Measure},,\n");
        Assert.Contains("line 2: column 'value' is '', not a number", (await FailsAsync(new AffordabilityRatioProvider(blank.Context))).Message);

        using var flag = new TempDataDirectory().Write(Affordability, Header + $"E09000002,00AB,Barking,London borough,2020,{Measure},,secret\n");
        Assert.Contains("line 2: unknown flag 'secret'", (await FailsAsync(new AffordabilityRatioProvider(flag.Context))).Message);

        using var both = new TempDataDirectory().Write(Affordability, Header + $"E09000002,00AB,Barking,London borough,2020,{Measure},9.9,suppressed_or_unavailable\n");
        Assert.Contains("line 2: flag 'suppressed_or_unavailable' on a row that has a value", (await FailsAsync(new AffordabilityRatioProvider(both.Context))).Message);
    }

    [Fact]
    public async Task A_missing_file_says_where_it_looked()
    {
        using var dir = new TempDataDirectory();
        var e = await FailsAsync(new MedianWeeklyPayProvider(dir.Context));
        Assert.Equal("ashe_resident_median_earnings_london_2002_2019.csv", e.File);
        Assert.Contains(Path.Combine(dir.Path, "ashe_resident_median_earnings_london_2002_2019.csv"), e.Message);
        Assert.Contains("WELLBEING_DATA_DIR", e.Message);
    }

    [Fact]
    public async Task A_malformed_file_and_a_missing_column_name_the_line()
    {
        using var dir = new TempDataDirectory().Write(Affordability, Header + $"E09000002,00AB,\"Barking,London borough,2020,{Measure},1,\n");
        Assert.Equal(2, (await FailsAsync(new AffordabilityRatioProvider(dir.Context))).Line);

        using var columns = new TempDataDirectory().Write(Affordability, "area_code,year,measure,flag\n");
        var e = await FailsAsync(new AffordabilityRatioProvider(columns.Context));
        Assert.Equal(1, e.Line);
        Assert.Contains("no column 'value'", e.Message);
    }

    [Fact]
    public async Task A_fraction_outside_0_to_1_and_a_greenspace_header_without_a_year_are_errors()
    {
        using var dir = new TempDataDirectory().Write("ons_private_outdoor_space_lad_2020.csv",
            "lad_code,total_percentage_of_addresses_with_private_outdoor_space\nE09000002,84.5\n");
        Assert.Contains("outside the fraction range 0-1", (await FailsAsync(new PrivateOutdoorSpaceProvider(dir.Context))).Message);

        using var gla = new TempDataDirectory().Write("gla_london_borough_profiles_2017.csv", "Code,New code,\"% of area that is Greenspace\"\nE09000002,E09000002,33.6\n");
        Assert.Contains("does not end with its reference year", (await FailsAsync(new GreenspaceAreaProvider(gla.Context))).Message);
    }

    [Fact]
    public async Task An_unknown_fuel_poverty_metric_is_an_error()
    {
        using var dir = new TempDataDirectory().Write("desnz_subregional_fuel_poverty_la_2011_2022.csv",
            "data_year,metric,area_code,pct_fuel_poor\n2020,LILEE,E09000002,10.0\n2021,LIHC2,E09000002,10.0\n");
        Assert.Contains("line 3: unknown metric 'LIHC2'", (await FailsAsync(new FuelPovertyLileeProvider(dir.Context))).Message);
    }

    [Fact]
    public async Task Unknown_area_and_period_before_the_data_are_not_available_values_not_errors()
    {
        using var dir = new TempDataDirectory().WriteGz(Affordability, Header + $"E09000002,00AB,Barking,London borough,2020,{Measure},10.5,\n");
        var provider = new AffordabilityRatioProvider(dir.Context);
        var values = await provider.GetValuesAsync(new IndicatorRequest(["E09000002", "E09000099"], Year(2021)));
        Assert.Equal(new IndicatorValue("E09000002", 10.5, Year(2020), ValueStatus.Ok), values[0]);
        Assert.Equal(ValueStatus.NotAvailable, values[1].Status);
        Assert.Contains("'E09000099' is not in", values[1].Reason);

        var early = await ValueAsync(provider, "E09000002", Year(2019));
        Assert.Equal(IndicatorValue.Missing("E09000002", ValueStatus.NotAvailable,
            $"no value at or before 2019 in {Affordability}; the earliest for 'E09000002' is 2020."), early);
    }

    [Fact]
    public async Task A_failed_parse_is_not_cached_so_a_fixed_file_is_read_next_time()
    {
        using var dir = new TempDataDirectory().Write(Affordability, Header + $"E09000002,00AB,Barking,London borough,2020,{Measure},oops,\n");
        var provider = new AffordabilityRatioProvider(dir.Context);
        await FailsAsync(provider);
        dir.Write(Affordability, Header + $"E09000002,00AB,Barking,London borough,2020,{Measure},10.5,\n");
        Assert.Equal(10.5, (await ValueAsync(provider, "E09000002", Year(2020))).Value);
    }

    [Fact]
    public async Task The_file_is_parsed_once_per_provider_even_under_concurrent_first_use()
    {
        using var dir = new TempDataDirectory().Write(Affordability, Header + $"E09000002,00AB,Barking,London borough,2020,{Measure},10.5,\n");
        var provider = new AffordabilityRatioProvider(dir.Context);
        var tables = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => provider.Table)));
        Assert.All(tables, t => Assert.Same(tables[0], t));

        // Once parsed, later changes to the file are not seen by this instance.
        dir.Write(Affordability, Header + $"E09000002,00AB,Barking,London borough,2020,{Measure},99,\n");
        Assert.Equal(10.5, (await ValueAsync(provider, "E09000002", Year(2020))).Value);
    }
}
