using WellbeingIndex.Engine.Data;

namespace WellbeingIndex.Engine.Tests.Data;

public class TidyInputTests
{
    private const string Csv = """
        area_code,area_name,indicator,period,value
        E09000001,City of London,pay,2019,900
        E09000002,Barking and Dagenham,pay,2019,520
        E09000002,Barking and Dagenham,rent,2019,1100
        E09000001,City of London,pay,2018,880
        E09000001,City of London,rent,2019,
        """;

    private static CsvTable Table(string csv) => CsvTable.Read(new StringReader(csv), "long.csv");

    [Fact]
    public void Pivots_one_period_to_columns_with_missing_cells()
    {
        var data = TidyInput.Read(Table(Csv), "2019");

        Assert.Equal(["E09000001", "E09000002"], data.AreaCodes.ToArray());
        Assert.Equal("City of London", data.AreaNames[0]);
        Assert.Equal([900, 520], data.Column("pay").ToArray());
        Assert.True(double.IsNaN(data.Column("rent")[0]));
        Assert.Equal(1100, data.Column("rent")[1]);
    }

    [Fact]
    public void Several_periods_need_a_choice_and_an_absent_period_is_an_error()
    {
        Assert.Contains("holds 2 periods (2018, 2019); choose one", Assert.Throws<InputDataException>(() => TidyInput.Read(Table(Csv))).Message);
        Assert.Contains("no rows for period '2020'", Assert.Throws<InputDataException>(() => TidyInput.Read(Table(Csv), "2020")).Message);
    }

    [Fact]
    public void A_duplicate_row_is_an_error()
    {
        var e = Assert.Throws<InputDataException>(() => TidyInput.Read(Table(Csv + "\nE09000002,Barking and Dagenham,pay,2019,530"), "2019"));

        Assert.Contains("line 7: area 'E09000002', indicator 'pay', period '2019' already appears on line 3", e.Message);
    }

    [Fact]
    public void Reads_every_period_as_a_panel_with_confidence_intervals()
    {
        const string csv = """
            area_code,indicator,period,value,lower,upper
            A,life,2020,7.1,6.9,7.3
            B,life,2020,7.5,,
            A,life,2019,7.0,6.8,7.2
            """;

        var panel = TidyInput.ReadPanel(Table(csv));

        Assert.Equal(["2019", "2020"], panel.Periods.Select(p => p.ToString()));
        Assert.Equal([7.0], panel[0].Column("life").ToArray());
        Assert.Equal([7.1, 7.5], panel[1].Column("life").ToArray());
        var ci = panel.Interval(1, "life")!;
        Assert.Equal((6.9, 7.3), (ci.Lower[0], ci.Upper[0]));
        Assert.True(double.IsNaN(ci.Lower[1]));
    }

    [Theory]
    [InlineData("A,x,2020,1\nA,x,2020/21,2", "mixes kinds of period")]
    [InlineData("A,x,twenty,1", "'twenty' is not a period")]
    public void A_panel_needs_periods_of_one_kind(string rows, string message)
    {
        var e = Assert.Throws<InputDataException>(() => TidyInput.ReadPanel(Table("area_code,indicator,period,value\n" + rows)));
        Assert.Contains(message, e.Message);
    }
}
