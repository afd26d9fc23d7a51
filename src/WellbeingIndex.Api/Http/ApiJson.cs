using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace WellbeingIndex.Api.Http;

/// <summary>
/// The one serializer configuration of the HTTP surface (System.Text.Json, the stack ASP.NET Core, problem details and
/// the OpenAPI generator share): camelCase members, dictionary keys such as indicator codes kept as they are, enums as
/// camelCase strings, NodaTime types in ISO form, periods as text. NaN and infinity cannot be written (they throw).
/// </summary>
public static class ApiJson
{
    public const string ContentType = "application/json; charset=utf-8";

    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the API's settings to <paramref name="options"/> (the host's <c>JsonOptions</c> or a new set).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new ReferencePeriodJsonConverter());
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        return options;
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>A JSON response written with <see cref="Options"/>.</summary>
    public static IResult Result<T>(T value, int statusCode = StatusCodes.Status200OK) =>
        Results.Json(value, Options, ContentType, statusCode);

    /// <summary>A document kept as Newtonsoft text (index definitions) as a System.Text.Json element for a response.</summary>
    public static JsonElement Element(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
