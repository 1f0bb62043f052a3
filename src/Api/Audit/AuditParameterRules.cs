using System.Globalization;
using System.Text.Json.Nodes;
using AfterSales.Api.Validation;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AfterSales.Api.Audit;

/// <summary>Publishes the rules <see cref="AuditApi.ListAuditEntries"/> enforces on its query values.</summary>
internal static class AuditParameterRules
{
    public const int ActorLength = 256;

    public static Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            (parameter.Schema, parameter.Description) = parameter.Name switch
            {
                "from" => (Instant(), "Entries at or after this instant (RFC 3339 with offset); default: 24 hours before to."),
                "to" => (Instant(), "Entries before this instant (RFC 3339 with offset); default: now. At most 7 days after from."),
                "actor" => (Text(1, ActorLength, "^[^\\u0000-\\u001F\\u007F]+$"), "Only the changes of this subject (the sub claim, or anonymous)."),
                "targetType" => (Identifier(), "Only changes to this resource collection, e.g. cases or customers."),
                "targetId" => (Identifier(), "Only changes to this resource id, e.g. a case number or a customer id."),
                "action" => (Identifier(), "Only this operation id, e.g. CreateCase."),
                "limit" => (new OpenApiSchema
                {
                    Type = JsonSchemaType.Integer,
                    Format = "int32",
                    Minimum = "1",
                    Maximum = AuditApi.MaxLimit.ToString(CultureInfo.InvariantCulture),
                    Default = JsonValue.Create(AuditApi.DefaultLimit),
                }, "How many entries at most."),
                "cursor" => (Text(34, 52, AuditCursor.Pattern), "The next value of the previous page; left out, the page starts at the newest entry."),
                _ => (parameter.Schema, parameter.Description),
            };
        }
        return Task.CompletedTask;
    }

    private static OpenApiSchema Instant() => new() { Type = JsonSchemaType.String, Format = "date-time" };

    private static OpenApiSchema Identifier() => Text(1, Limits.Identifier, Limits.IdentifierPattern);

    private static OpenApiSchema Text(int minLength, int maxLength, string? pattern = null) =>
        new() { Type = JsonSchemaType.String, MinLength = minLength, MaxLength = maxLength, Pattern = pattern };
}
