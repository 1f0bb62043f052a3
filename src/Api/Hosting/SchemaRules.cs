using System.Reflection;
using System.Text.Json.Nodes;
using AfterSales.Api.Validation;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AfterSales.Api.Hosting;

/// <summary>Publishes in each request property's schema the rules the API enforces beyond what the schema generator
/// reads from the CLR type and data annotations: regions and languages are closed sets, list items have lengths and
/// may not repeat, durations are not negative; and the examples a property carries.</summary>
internal static class SchemaRules
{
    /// <summary>A <c>TimeSpan</c> in its JSON form, <c>[d.]hh:mm:ss[.fffffff]</c>, without the sign the API refuses.</summary>
    public const string DurationPattern = @"^(\d+\.)?\d{2}:\d{2}:\d{2}(\.\d{1,7})?$";

    public static Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo?.AttributeProvider is not { } property)
        {
            return Task.CompletedTask;
        }
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
        if (context.JsonPropertyInfo.PropertyType is var type && (Nullable.GetUnderlyingType(type) ?? type) == typeof(TimeSpan))
        {
            schema.Pattern = DurationPattern;
        }
        return Task.CompletedTask;
    }

    private static bool Has<TAttribute>(ICustomAttributeProvider property) where TAttribute : Attribute =>
        property.IsDefined(typeof(TAttribute), inherit: false);
}
