using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace WellbeingIndex.Publication;

/// <summary>
/// The JSON arrays a packed table cell holds (one element per area of a block, <c>null</c> for a missing value):
/// what Power Query's <c>Json.Document</c> and any JSON parser read back. Numbers are written shortest round-trip, so a
/// double reads back bit for bit; NaN and infinities are refused (they never reach a table).
/// </summary>
internal static class PackedJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Numbers(int count, Func<int, double?> value) => Write(count, (w, i) =>
    {
        if (value(i) is { } v)
        {
            w.WriteNumberValue(v);
        }
        else
        {
            w.WriteNullValue();
        }
    });

    public static string Integers(int count, Func<int, int?> value) => Write(count, (w, i) =>
    {
        if (value(i) is { } v)
        {
            w.WriteNumberValue(v);
        }
        else
        {
            w.WriteNullValue();
        }
    });

    public static string Strings(int count, Func<int, string?> value) => Write(count, (w, i) => w.WriteStringValue(value(i)));

    public static double?[] ReadNumbers(string json) => Read<double?>(json, e => e.ValueKind == JsonValueKind.Null ? null : e.GetDouble());

    public static int?[] ReadIntegers(string json) => Read<int?>(json, e => e.ValueKind == JsonValueKind.Null ? null : e.GetInt32());

    public static string?[] ReadStrings(string json) => Read(json, e => e.GetString());

    private static string Write(int count, Action<Utf8JsonWriter, int> element)
    {
        var buffer = new ArrayBufferWriter<byte>(count * 8 + 2);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartArray();
            for (var i = 0; i < count; i++)
            {
                element(writer, i);
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static T[] Read<T>(string json, Func<JsonElement, T> element)
    {
        using var document = JsonDocument.Parse(json);
        var array = document.RootElement;
        var result = new T[array.GetArrayLength()];
        var i = 0;
        foreach (var e in array.EnumerateArray())
        {
            result[i++] = element(e);
        }

        return result;
    }
}
