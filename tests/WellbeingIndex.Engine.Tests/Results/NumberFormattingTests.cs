using System.Globalization;
using System.Numerics;
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
    [InlineData(-0.0, "-0")]
    [InlineData(9, "9")]
    [InlineData(10, "10")]
    [InlineData(99, "99")]
    [InlineData(123456789, "123456789")]
    [InlineData(9007199254740991, "9007199254740991")]
    [InlineData(9007199254740993, "9007199254740992")] // 2^53 + 1 is not a double: the literal is 2^53
    [InlineData(0.000123, "0.000123")]
    [InlineData(12.5, "12.5")] // 25 / 2: exactly halfway between 12 and 13, written in full
    [InlineData(99999999999999984, "99999999999999980")] // the largest double below 1e17: ulp 16, so ...980 is inside its interval
    public void Known_values_are_written_as_their_shortest_round_trip_text(double value, string expected)
    {
        // The expected texts are the decimal literals themselves: the shortest that parse back to the same double.
        Assert.Equal(expected, Format(value));
        Assert.Equal(value, double.Parse(expected, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Two_million_seeded_doubles_are_written_exactly_as_dotnet_writes_them()
    {
        var random = new Random(20261201);
        Span<byte> bytes = stackalloc byte[8];
        Span<char> ours = stackalloc char[CsvRecordWriter.MaxNumberLength];
        Span<char> theirs = stackalloc char[32];
        var checkedCount = 0;
        void Check(double v, Span<char> ours, Span<char> theirs)
        {
            checkedCount++;
            var length = CsvRecordWriter.FormatNumber(v, ours);
            Assert.True(v.TryFormat(theirs, out var expected, "R", CultureInfo.InvariantCulture));
            if (!ours[..length].SequenceEqual(theirs[..expected]))
            {
                Assert.Fail($"{BitConverter.DoubleToInt64Bits(v):X16}: writer '{ours[..length]}', .NET '{theirs[..expected]}'");
            }
        }

        for (var i = 0; i < 250_000; i++)
        {
            // Any bit pattern (every exponent, both signs), and any mantissa with an exponent in or near the range
            // written here (2^-14 … 2^56, biased 1009 … 1079).
            random.NextBytes(bytes);
            var any = BitConverter.ToDouble(bytes);
            if (double.IsFinite(any)) Check(any, ours, theirs);
            var mantissa = BitConverter.ToUInt64(bytes) & ((1UL << 52) - 1);
            var near = BitConverter.UInt64BitsToDouble(((ulong)random.Next(1000, 1090) << 52) | mantissa);
            Check(near, ours, theirs);
            Check(-near, ours, theirs);

            // Scores: [0, 1), [0, 100), and magnitudes 1e-8 … 1e20 of either sign.
            Check(random.NextDouble(), ours, theirs);
            Check(random.NextDouble() * 100, ours, theirs);
            Check((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-8, 21)), ours, theirs);

            // Whole numbers of every length up to 19 digits (below and above 2^53), and short decimals.
            var whole = random.NextInt64(1, 10L * (long)Math.Pow(10, random.Next(0, 18)));
            Check(whole, ours, theirs);
            Check(random.Next(-1_000_000, 1_000_000) / Math.Pow(10, random.Next(0, 12)), ours, theirs);

            // Dyadic fractions n / 2^s: exact decimals ending in 5, the halfway and exact-bound cases of the rounding.
            var dyadic = Math.ScaleB(random.NextInt64(1, 1L << 53), -random.Next(1, 64));
            Check(dyadic, ours, theirs);
            Check(Math.BitIncrement(dyadic), ours, theirs);
        }

        // The ends of the range and of the doubles.
        foreach (var v in new[] { 1e-4, 1e17, 1e16, 9007199254740992, 5e-324, double.Epsilon, double.MaxValue, double.MinValue, 0.0, -0.0 })
        {
            foreach (var w in new[] { v, Math.BitIncrement(v), Math.BitDecrement(v), -v })
            {
                if (double.IsFinite(w)) Check(w, ours, theirs);
            }
        }

        Assert.True(checkedCount >= 2_000_000, $"only {checkedCount} values checked");
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

    [Fact]
    public void The_power_tables_hold_exactly_the_powers_of_five_and_ten()
    {
        // Ryū scales a double m × 2^e2 (e2 < 0) to 10^q with q = floor(log10 5^-e2) - 1 (0 for -e2 ≤ 1), multiplying by
        // 5^(-e2 - q). The smallest binary exponent written is 2^-14, e2 = -14 - 52 - 2 = -68: 5^68 has 48 digits,
        // so q = 46 and the largest power is 5^22, which with m < 2^55 fits 128 bits (2^51.1 × 2^55 < 2^107).
        Assert.Equal(69, ShortestDouble.PowersOf5ByExponent.Length);
        for (var k = 0; k < ShortestDouble.PowersOf5ByExponent.Length; k++)
        {
            var digits = BigInteger.Pow(5, k).ToString(CultureInfo.InvariantCulture).Length; // floor(log10 5^k) + 1
            var q = k <= 1 ? 0 : digits - 2;
            Assert.Equal(BigInteger.Pow(5, k - q), new BigInteger(ShortestDouble.PowersOf5ByExponent[k]));
        }

        // 10^0 … 10^17: 17 digits are the most a round-trip double needs, 10^17 bounds them.
        Assert.Equal(18, ShortestDouble.PowersOf10.Length);
        for (var n = 0; n < ShortestDouble.PowersOf10.Length; n++)
        {
            Assert.Equal(BigInteger.Pow(10, n), new BigInteger(ShortestDouble.PowersOf10[n]));
        }
    }

    [Fact]
    public void The_portable_high_product_is_the_top_half_of_the_exact_product()
    {
        // Used where the processor has no 64 × 64 → 128-bit multiply instruction (BMI2), so these tests would not
        // reach it otherwise; each case is checked against BigInteger's exact product shifted down 64 bits.
        var random = new Random(20261202);
        var cases = new List<(ulong, ulong)> { (0, 0), (1, ulong.MaxValue), (ulong.MaxValue, ulong.MaxValue), (1UL << 63, 2), (0xFFFFFFFF, 0xFFFFFFFF) };
        for (var i = 0; i < 10_000; i++)
        {
            cases.Add(((ulong)random.NextInt64() << 1 ^ (ulong)random.Next(2), (ulong)random.NextInt64() << 1 ^ (ulong)random.Next(2)));
            cases.Add(((ulong)random.NextInt64(1L << 55), (ulong)random.NextInt64(1L << 52))); // the sizes Ryū multiplies here
        }

        foreach (var (a, b) in cases)
        {
            Assert.Equal((ulong)((new BigInteger(a) * b) >> 64), ShortestDouble.MultiplyHighPortably(a, b));
        }
    }
}
