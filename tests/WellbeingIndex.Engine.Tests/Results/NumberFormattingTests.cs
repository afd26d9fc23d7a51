using System.Globalization;
using WellbeingIndex.Delimited;

namespace WellbeingIndex.Engine.Tests.Results;

/// <summary>
/// The CSV writer formats numbers with its own shortest round-trip conversion (Ryū) where .NET would not use an
/// exponent; every output must be exactly .NET's <c>ToString("R")</c>, which is the independent reference here.
/// </summary>
public class NumberFormattingTests
{
    private static string Format(double v)
    {
        Span<char> buffer = stackalloc char[CsvRecordWriter.MaxNumberLength];
        return buffer[..CsvRecordWriter.FormatNumber(v, buffer)].ToString();
    }

    // The writer formerly wrote double.TryFormat's default (shortest round-trip) text; "R" is the same text.
    private static void AssertSameAsDotNet(double v) =>
        Assert.True(Format(v) == v.ToString(CultureInfo.InvariantCulture) && Format(v) == v.ToString("R", CultureInfo.InvariantCulture),
            $"{BitConverter.DoubleToInt64Bits(v):X16}: writer '{Format(v)}', .NET '{v.ToString("R", CultureInfo.InvariantCulture)}'");

    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(1.0 / 3, "0.3333333333333333")]
    [InlineData(100, "100")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(0.00001, "1E-05")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(1e15, "1000000000000000")]
    [InlineData(1.2345e16, "12345000000000000")]
    [InlineData(1e17, "1E+17")]
    [InlineData(999999999999999, "999999999999999")]
    [InlineData(5e-324, "5E-324")]
    [InlineData(0.0, "0")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157E+308")]
    public void Known_values_are_written_as_their_shortest_round_trip_text(double value, string expected)
    {
        // The expected texts are the decimal literals themselves: the shortest that parse back to the same double.
        Assert.Equal(expected, Format(value));
        Assert.Equal(value, double.Parse(expected, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Every_sampled_double_is_written_exactly_as_dotnet_writes_it()
    {
        var random = new Random(20261201);
        Span<byte> bytes = stackalloc byte[8];
        for (var i = 0; i < 100_000; i++)
        {
            // Any bit pattern (every exponent), scores on 0–100, and short decimals (ties and trailing zeros).
            random.NextBytes(bytes);
            var any = BitConverter.ToDouble(bytes);
            if (double.IsFinite(any)) AssertSameAsDotNet(any);
            AssertSameAsDotNet(random.NextDouble() * 100);
            AssertSameAsDotNet(Math.Exp(random.NextDouble() * 3));
            AssertSameAsDotNet(random.Next(-1_000_000, 1_000_000) / Math.Pow(10, random.Next(0, 12)));
            AssertSameAsDotNet((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-8, 20)));
        }
    }

    [Fact]
    public void Powers_of_two_and_ten_and_their_neighbours_are_written_exactly_as_dotnet_writes_them()
    {
        for (var e = -1074; e <= 1023; e++)
        {
            var p = Math.ScaleB(1, e);
            foreach (var v in new[] { p, Math.BitIncrement(p), Math.BitDecrement(p), -p })
            {
                AssertSameAsDotNet(v);
            }
        }

        for (var e = -20; e <= 20; e++)
        {
            var p = double.Parse($"1e{e}", CultureInfo.InvariantCulture);
            for (var k = 1; k < 10; k++)
            {
                var v = k * p;
                AssertSameAsDotNet(v);
                AssertSameAsDotNet(Math.BitIncrement(v));
                AssertSameAsDotNet(Math.BitDecrement(v));
            }
        }
    }
}
