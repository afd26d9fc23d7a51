using System.Buffers;
using System.Text;
using System.Text.Json;
using WellbeingIndex.Api.Compute;
using WellbeingIndex.Api.Contracts;
using WellbeingIndex.Api.Http;
using WellbeingIndex.Engine.Definition;
using WellbeingIndex.Engine.Pipeline;
using WellbeingIndex.Functions.Tests.Api;

namespace WellbeingIndex.Functions.Tests.Compute;

/// <summary>
/// The lean answer written straight to the response (<see cref="LeanRunJson"/>) is, byte for byte, what the API's
/// serializer writes for the lean <see cref="RunDocument"/> of the same run: the published shape is unchanged.
/// </summary>
public class LeanRunJsonTests
{
    [Theory]
    [InlineData(new string[0], new double[0])]
    [InlineData(new[] { "decent-home" }, new[] { 2.0 })]
    [InlineData(new[] { "decent-home", "good-health" }, new[] { 0.25, 7.5 })]
    [InlineData(new[] { "living-standards" }, new[] { 1e-3 })]
    public async Task Writes_the_bytes_the_serializer_writes_for_the_lean_document(string[] codes, double[] weights)
    {
        var period = await DirectRun.LatestPeriodAsync();
        var baseRun = await DirectRun.ComputeAsync(period);
        var definition = baseRun.Result.Definition;
        var variant = definition.With(definition.Nodes.Select(n => Array.IndexOf(codes, n.Code) is >= 0 and var k ? n with { Weight = weights[k] } : n).ToList());
        var run = baseRun with { Result = IndexPipeline.Vary(baseRun.Result, variant) };

        var expected = ApiJson.Serialize(RunDocument.Lean(run, "run-id", codes.Length > 0));
        var buffer = new ArrayBufferWriter<byte>();
        new LeanRunJson(run, "run-id", codes.Length > 0).WriteTo(buffer);

        Assert.Equal(expected, Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void Writes_every_double_as_the_serializer_does()
    {
        var random = new Random(13);
        var name = JsonEncodedText.Encode("x");
        var values = new List<double> { 0, -0.0, 1, 100, 0.5, 2.0 / 3, 1e-5, 1e-4, 123456789012345678, 1e16, 1e17, 1e21, 5e-324, double.MaxValue, -double.Epsilon };
        for (var i = 0; i < 20_000; i++)
        {
            values.Add(random.NextDouble() * 100);
            values.Add(BitConverter.Int64BitsToDouble(random.NextInt64()) is var d && double.IsFinite(d) ? d : 1.5);
        }

        foreach (var value in values)
        {
            var fast = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(fast))
            {
                writer.WriteStartObject();
                LeanRunJson.Number(writer, name, value);
                writer.WriteEndObject();
            }

            var slow = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(slow))
            {
                writer.WriteStartObject();
                writer.WriteNumber(name, value);
                writer.WriteEndObject();
            }

            Assert.Equal(Encoding.UTF8.GetString(slow.WrittenSpan), Encoding.UTF8.GetString(fast.WrittenSpan));
        }
    }

    [Fact]
    public void A_non_finite_number_is_refused_as_the_serializer_refuses_it()
    {
        using var writer = new Utf8JsonWriter(new ArrayBufferWriter<byte>());
        writer.WriteStartObject();
        Assert.Throws<ArgumentException>(() => LeanRunJson.Number(writer, JsonEncodedText.Encode("x"), double.PositiveInfinity));
    }
}
