using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using WellbeingIndex.Api;
using WellbeingIndex.Indicators;
using WellbeingIndex.Providers;

namespace WellbeingIndex.Functions.Tests.Functions;

/// <summary>
/// The function app's services (composed as its Program does, in-memory store, real data) and helpers to call a
/// function class directly: an <see cref="HttpRequest"/> from a <see cref="DefaultHttpContext"/>, the returned
/// <see cref="IResult"/> executed into a buffer.
/// </summary>
internal sealed class FunctionHost : IDisposable
{
    private readonly ServiceProvider _services;

    public FunctionHost(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([KeyValuePair.Create(ApiSettings.DataDirKey, (string?)DataDirectory.FromEnvironment()),
                .. settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))])
            .Build();
        _services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddWellbeingApi(BuiltInIndicators.Assembly, underFunctionsHost: true)
            .BuildServiceProvider();
    }

    public IServiceProvider Services => _services;

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>A function class built as the worker builds it (constructor injection).</summary>
    public T Function<T>() => ActivatorUtilities.CreateInstance<T>(_services);

    public TestFunctionContext Context(HttpRequest? request = null) => new(_services, request?.HttpContext);

    public HttpRequest Request(string method, string path, string? json = null, string? accept = null)
    {
        var http = new DefaultHttpContext { RequestServices = _services };
        http.Request.Method = method;
        var query = path.IndexOf('?', StringComparison.Ordinal);
        http.Request.Path = query < 0 ? path : path[..query];
        http.Request.QueryString = query < 0 ? QueryString.Empty : new QueryString(path[query..]);
        if (json is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(json);
            http.Request.Body = new MemoryStream(bytes);
            http.Request.ContentLength = bytes.Length;
            http.Request.ContentType = "application/json";
        }

        if (accept is not null)
        {
            http.Request.Headers.Accept = accept;
        }

        http.Response.Body = new MemoryStream();
        return http.Request;
    }

    /// <summary>Writes <paramref name="result"/> as the response to <paramref name="request"/>; returns status, media type and body.</summary>
    public static async Task<(int Status, string? MediaType, string Body)> ExecuteAsync(IResult result, HttpRequest request)
    {
        var http = request.HttpContext;
        await result.ExecuteAsync(http);
        return (http.Response.StatusCode, http.Response.ContentType?.Split(';')[0], Read(http));
    }

    public static string Read(HttpContext http)
    {
        http.Response.Body.Position = 0;
        return new StreamReader(http.Response.Body).ReadToEnd();
    }

    public static async Task<JToken> JsonAsync(IResult result, HttpRequest request)
    {
        var (status, media, body) = await ExecuteAsync(result, request);
        Assert.True(status is 200 or 201, $"status {status}: {body}");
        Assert.Equal("application/json", media);
        return JToken.Parse(body);
    }

    public void Dispose() => _services.Dispose();
}
