using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.JsonNet;

namespace WellbeingIndex.Functions.Http;

/// <summary>
/// The one serializer configuration of the API: camelCase members (dictionary keys such as indicator codes kept as
/// they are), enums as camelCase strings, NodaTime types in ISO form, dates never guessed from strings.
/// </summary>
public static class ApiJson
{
    public const string ContentType = "application/json; charset=utf-8";

    public static readonly JsonSerializerSettings Settings = Create();

    public static readonly JsonSerializer Serializer = JsonSerializer.Create(Settings);

    public static string Serialize(object? value) => JsonConvert.SerializeObject(value, Settings);

    /// <summary>A JSON response written with <see cref="Settings"/>.</summary>
    public static IResult Result(object? value, int statusCode = StatusCodes.Status200OK, string contentType = ContentType) =>
        new TextResult(Serialize(value), statusCode, contentType);

    private static JsonSerializerSettings Create()
    {
        var settings = new JsonSerializerSettings
        {
            ContractResolver = new DefaultContractResolver { NamingStrategy = new CamelCaseNamingStrategy { ProcessDictionaryKeys = false } },
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Double,
            NullValueHandling = NullValueHandling.Include,
            Formatting = Formatting.None,
        };
        settings.Converters.Add(new StringEnumConverter(new CamelCaseNamingStrategy()));
        settings.Converters.Add(new ReferencePeriodConverter());
        settings.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        return settings;
    }
}
