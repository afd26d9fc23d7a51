using System.Text.Json;
using System.Text.Json.Serialization;
using WellbeingIndex.Abstractions;

namespace WellbeingIndex.Api.Http;

/// <summary>Periods travel in their canonical text form ("2022", "2019/20", "2019-03"), the form requests use.</summary>
public sealed class ReferencePeriodJsonConverter : JsonConverter<ReferencePeriod>
{
    public override ReferencePeriod Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && ReferencePeriod.TryParse(reader.GetString(), out var period)
            ? period
            : throw new JsonException("A period must be a string such as \"2022\", \"2019/20\" or \"2019-03\".");

    public override void Write(Utf8JsonWriter writer, ReferencePeriod value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
