using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using NodaTime;
using WellbeingIndex.Abstractions;

namespace WellbeingIndex.Api.Http;

/// <summary>
/// Settings of the generated OpenAPI document: its title; the types whose JSON form is text (periods, NodaTime values)
/// described as strings, as <see cref="ApiJson"/> writes them; request bodies an operation reads itself
/// (<see cref="DocumentedBody"/>).
/// </summary>
public static class ApiOpenApi
{
    public const string Title = "WellbeingIndex API";

    private static readonly Dictionary<Type, (string? Format, string Example)> TextTypes = new()
    {
        [typeof(ReferencePeriod)] = (null, "2022, 2019/20, 2019-03 or 2019-03-31"),
        [typeof(Instant)] = ("date-time", "2026-11-22T06:00:00Z"),
        [typeof(ZonedDateTime)] = (null, "2026-11-23T06:00:00Z Europe/London (ISO, with zone id)"),
    };

    public static void Configure(OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = Title;
            document.Info.Description = "Composite wellbeing indices: frameworks, what-if computation, published runs. " +
                "Errors are RFC 9457 problem details whose errors are keyed by the request field.";
            return Task.CompletedTask;
        });
        options.AddSchemaTransformer((schema, context, _) =>
        {
            var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
            if (TextTypes.TryGetValue(type, out var text))
            {
                schema.Type = JsonSchemaType.String;
                schema.Format = text.Format;
                schema.Description = text.Example;
                schema.Properties?.Clear();
                schema.Required?.Clear();
            }

            return Task.CompletedTask;
        });
        options.AddOperationTransformer(async (operation, context, cancellationToken) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<DocumentedBody>().FirstOrDefault() is { } body)
            {
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = false,
                    Description = body.Description,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(body.Type, null, cancellationToken) },
                    },
                };
            }
        });
    }
}
