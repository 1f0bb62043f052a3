using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AfterSales.Api.Hosting;

/// <summary>A required member of a request body is never null: the API answers 400 for a null as for a missing one.
/// Request records declare such members nullable (<c>bool?</c>, <c>Department?</c>) only so that a missing one reads
/// as null and gets a field-level message, and the schema generator publishes that as "may be null".</summary>
internal static class RequiredMembers
{
    public static Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        if (document.Components?.Schemas is not { } components)
        {
            return Task.CompletedTask;
        }
        var requests = new HashSet<string>(StringComparer.Ordinal);
        var bodies = document.Paths.Values
            .SelectMany(path => path.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            .SelectMany(operation => operation.RequestBody?.Content?.Values ?? [])
            .Select(media => media.Schema);
        foreach (var body in bodies)
        {
            Reach(body, components, requests);
        }
        foreach (var name in requests)
        {
            if (components[name] is OpenApiSchema { Properties: { } properties, Required: { } required })
            {
                foreach (var member in required.Where(properties.ContainsKey))
                {
                    properties[member] = NotNull(properties[member]);
                }
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>Collects the names of the component schemas <paramref name="schema"/> refers to, transitively.</summary>
    private static void Reach(IOpenApiSchema? schema, IDictionary<string, IOpenApiSchema> components, HashSet<string> reached)
    {
        switch (schema)
        {
            case OpenApiSchemaReference { Reference.Id: { } id }:
                if (reached.Add(id) && components.TryGetValue(id, out var target))
                {
                    Reach(target, components, reached);
                }
                break;
            case OpenApiSchema inline:
                foreach (var child in (inline.Properties?.Values ?? []).Concat(inline.OneOf ?? []).Concat(inline.AnyOf ?? [])
                    .Concat(inline.AllOf ?? []).Append(inline.Items).Append(inline.AdditionalProperties))
                {
                    Reach(child, components, reached);
                }
                break;
        }
    }

    private static IOpenApiSchema NotNull(IOpenApiSchema member)
    {
        if (member is not OpenApiSchema schema)
        {
            return member;
        }
        if (schema.Type is { } type && type.HasFlag(JsonSchemaType.Null))
        {
            schema.Type = type & ~JsonSchemaType.Null;
            // The values listed null with the type (SchemaRules): a member that may not be null does not list it.
            schema.Enum = schema.Enum?.Where(value => value is not null && value.GetValueKind() != System.Text.Json.JsonValueKind.Null).ToList();
        }
        // "null or a $ref" becomes the $ref (which carries the member's description).
        if (schema.OneOf is { Count: 2 } options && options.Count(IsNull) == 1 && schema.Type is null && schema.Properties is not { Count: > 0 })
        {
            return options.Single(option => !IsNull(option));
        }
        return schema;
    }

    private static bool IsNull(IOpenApiSchema option) => option is OpenApiSchema { Type: JsonSchemaType.Null };
}
