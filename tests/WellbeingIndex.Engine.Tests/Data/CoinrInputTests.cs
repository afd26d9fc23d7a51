using WellbeingIndex.Engine.Data;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Methods;

namespace WellbeingIndex.Engine.Tests.Data;

public class CoinrInputTests : IDisposable
{
    private readonly TempFiles _files = new();

    public const string IData = """
        uCode,uName,Group_Region,pay,rent,parks
        A,Alpha,North,400,900,20
        B,Beta,North,500,,30
        C,Gamma,South,600,1200,NA
        """;

    public const string IMeta = """
        Level,iCode,iName,Direction,Weight,Parent,Type
        1,pay,Median pay,1,1,income,Indicator
        1,rent,Median rent,-1,1,income,Indicator
        1,parks,Park area,1,1,green,Indicator
        2,income,Income,,1,index,Aggregate
        2,green,Green space,,1,index,Aggregate
        3,index,Index,,1,,Aggregate
        ,Group_Region,Region,,,,Group
        """;

    private static readonly StepDefinition[] Steps =
    [
        new(StepNames.Normalise, MethodSpec.Of("minmax", ("l", 0), ("u", 100))),
        new(StepNames.Aggregate, new MethodSpec("amean")),
    ];

    [Fact]
    public void Reads_the_pair_into_data_and_a_hierarchy()
    {
        var (data, definition) = CoinrInput.Read(_files.Write("iData.csv", IData), _files.Write("iMeta.csv", IMeta), Steps);

        Assert.Equal(["A", "B", "C"], data.AreaCodes.ToArray());
        Assert.Equal(["Alpha", "Beta", "Gamma"], data.AreaNames.ToArray());
        Assert.Equal([400, 500, 600], data.Column("pay").ToArray());
        Assert.True(double.IsNaN(data.Column("rent")[1]));   // empty cell
        Assert.True(double.IsNaN(data.Column("parks")[2]));  // NA
        Assert.Equal(["North", "North", "South"], data.Groups["Group_Region"]);
        Assert.Equal("index", definition.Root.Code);
        Assert.Equal(-1, definition["rent"].Direction);
        Assert.Equal(3, definition.Depth);
    }

    [Fact]
    public void A_level_that_contradicts_the_parents_is_an_error()
    {
        var meta = IMeta.Replace("2,green,Green space", "3,green,Green space", StringComparison.Ordinal);

        var e = Assert.Throws<InputDataException>(() => CoinrInput.Read(_files.Write("iData.csv", IData), _files.Write("iMeta.csv", meta), Steps));

        Assert.Contains("'green' has Level 3 but its place in the hierarchy (Parent column) makes it level 2", e.Message);
    }

    [Fact]
    public void Non_numeric_values_and_duplicate_codes_name_file_line_and_column()
    {
        var bad = IData.Replace("500", "five hundred", StringComparison.Ordinal);
        var e = Assert.Throws<InputDataException>(() => CoinrInput.Read(_files.Write("iData.csv", bad), _files.Write("iMeta.csv", IMeta), Steps));
        Assert.Equal("iData.csv line 3, column 'pay': 'five hundred' is not a number (leave the cell empty for a missing value)", e.Message);

        var dup = IData.Replace("C,Gamma", "A,Gamma", StringComparison.Ordinal);
        e = Assert.Throws<InputDataException>(() => CoinrInput.Read(_files.Write("iData.csv", dup), _files.Write("iMeta.csv", IMeta), Steps));
        Assert.Contains("line 4, column 'uCode': uCode 'A' already appears on line 2", e.Message);
    }

    [Fact]
    public void A_missing_indicator_column_is_an_error()
    {
        var meta = IMeta + "\n1,jobs,Jobs,1,1,income,Indicator";

        var e = Assert.Throws<InputDataException>(() => CoinrInput.Read(_files.Write("iData.csv", IData), _files.Write("iMeta.csv", meta), Steps));

        Assert.Contains("no column for indicator 'jobs'", e.Message);
    }

    public void Dispose() => _files.Dispose();
}
