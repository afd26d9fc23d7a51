using Newtonsoft.Json;
using WellbeingIndex.Abstractions;

namespace WellbeingIndex.Functions.Http;

/// <summary>Periods travel in their canonical text form ("2022", "2019/20", "2019-03"), the form requests use.</summary>
public sealed class ReferencePeriodConverter : JsonConverter
{
    public override bool CanConvert(Type objectType) => objectType == typeof(ReferencePeriod) || objectType == typeof(ReferencePeriod?);

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is ReferencePeriod period)
        {
            writer.WriteValue(period.ToString());
        }
        else
        {
            writer.WriteNull();
        }
    }

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) =>
        reader.TokenType switch
        {
            JsonToken.Null when objectType == typeof(ReferencePeriod?) => null,
            JsonToken.String => ReferencePeriod.Parse((string)reader.Value!),
            _ => throw new JsonSerializationException($"A period must be a string such as \"2022\" (at {reader.Path})."),
        };
}
