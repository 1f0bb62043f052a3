using System.Text.Json.Nodes;
using AfterSales.Api.Validation;
using Microsoft.OpenApi;

namespace AfterSales.Api.Installation;

/// <summary>What an installation endpoint adds to its own operation in the OpenAPI document: a request example, the
/// rules of a path parameter the shared rules do not know, and the HTML form of a report.</summary>
internal static class OpenApiOperationExtensions
{
    /// <summary>An example of the JSON request body.</summary>
    public static RouteHandlerBuilder WithRequestExample(this RouteHandlerBuilder builder, JsonNode example) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.RequestBody?.Content is { } content && content.TryGetValue("application/json", out var json))
            {
                json.Example = example.DeepClone();
            }
            return Task.CompletedTask;
        });

    /// <summary>An identifier path parameter: its description and pattern.</summary>
    public static RouteHandlerBuilder WithPathParameter(this RouteHandlerBuilder builder, string name, string description) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
            {
                if (parameter.In == ParameterLocation.Path && parameter.Name == name)
                {
                    parameter.Description = description;
                    parameter.Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        MinLength = 1,
                        MaxLength = Limits.Identifier,
                        Pattern = Limits.IdentifierPattern,
                    };
                }
            }
            return Task.CompletedTask;
        });

    /// <summary>The 200 answer is also available as a printable HTML page (<c>text/html</c>).</summary>
    public static RouteHandlerBuilder ProducesHtml(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse response)
            {
                response.Content ??= new Dictionary<string, OpenApiMediaType>();
                response.Content[ReportFormats.Html] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            }
            return Task.CompletedTask;
        });
}
