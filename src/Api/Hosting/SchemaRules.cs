using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using AfterSales.Api.Validation;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AfterSales.Api.Hosting;

/// <summary>Publishes in each request property's schema the rules the API enforces beyond what the schema generator
/// reads from the CLR type and data annotations: regions and languages are closed sets, list items have lengths and
/// may not repeat, durations are not negative; and the examples a property carries. A schema that admits null and lists
/// its values lists null among them, so a validating client sends the null the server accepts.</summary>
internal static class SchemaRules
{
    /// <summary>A <c>TimeSpan</c> in its JSON form, <c>[d.]hh:mm:ss[.fffffff]</c>, without the sign the API refuses.</summary>
    public const string DurationPattern = @"^(\d+\.)?\d{2}:\d{2}:\d{2}(\.\d{1,7})?$";

    public static Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is { AttributeProvider: { } property } member)
        {
            ApplyPropertyRules(schema, context, property, member.PropertyType);
        }
        // After the closed sets above: the generator marks an optional reference-type member ["null", "string"], and
        // an enum without null would forbid the null the member's binding accepts (enum applies to null as well).
        AdmitNullAmongValues(schema);
        if (schema.Items is OpenApiSchema items)
        {
            AdmitNullAmongValues(items);
        }
        return Task.CompletedTask;
    }

    /// <summary>Adds JSON null to the values of a schema whose type admits null and that lists its values.</summary>
    private static void AdmitNullAmongValues(OpenApiSchema schema)
    {
        if (schema.Type?.HasFlag(JsonSchemaType.Null) == true && schema.Enum is { Count: > 0 } values
            && !values.Any(value => value is null || value.GetValueKind() == JsonValueKind.Null))
        {
            // A null entry is written as JSON null.
            schema.Enum = [.. values, null!];
        }
    }

    private static void ApplyPropertyRules(OpenApiSchema schema, OpenApiSchemaTransformerContext context, ICustomAttributeProvider property, Type type)
    {
        var values = schema.Type?.HasFlag(JsonSchemaType.Array) == true && schema.Items is OpenApiSchema items ? items : schema;
        if (Has<RegionAttribute>(property))
        {
            var rules = context.ApplicationServices.GetRequiredService<InputRules>();
            values.Enum = [.. rules.Regions.Select(region => (JsonNode)JsonValue.Create(region))];
        }
        if (Has<LanguageAttribute>(property))
        {
            values.Enum = [.. InputRules.Languages.Select(language => (JsonNode)JsonValue.Create(language))];
        }
        if (Has<CaseEventTypeAttribute>(property))
        {
            values.Enum = [.. AfterSales.Webhooks.WebhookEventTypes.All.Select(kind => (JsonNode)JsonValue.Create(kind))];
        }
        if (property.GetCustomAttributes(typeof(ItemLengthAttribute), inherit: false) is [ItemLengthAttribute length])
        {
            values.MinLength = length.MinimumLength;
            values.MaxLength = length.MaximumLength;
        }
        if (Has<UniqueItemsAttribute>(property))
        {
            schema.UniqueItems = true;
        }
        if (property.GetCustomAttributes(typeof(ExampleAttribute), inherit: false) is [ExampleAttribute example])
        {
            schema.Examples = [JsonNode.Parse(example.Json)!];
        }
        if ((Nullable.GetUnderlyingType(type) ?? type) == typeof(TimeSpan))
        {
            schema.Pattern = DurationPattern;
        }
    }

    private static bool Has<TAttribute>(ICustomAttributeProvider property) where TAttribute : Attribute =>
        property.IsDefined(typeof(TAttribute), inherit: false);
}
