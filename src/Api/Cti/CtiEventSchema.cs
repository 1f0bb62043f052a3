using System.Globalization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AfterSales.Api.Cti;

/// <summary>Makes the published <c>CtiEventRequest</c> say what <see cref="CtiEventReader"/> accepts beyond what the record's
/// types tell the generator: other members are allowed (and ignored); <c>user</c> is one name or a list; the call id and
/// the numbers may also be JSON integers.</summary>
internal static class CtiEventSchema
{
    private static readonly string[] IntegerToo = ["callId", "from", "to", "answeringNumber"];

    public static Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        if (document.Components?.Schemas?.TryGetValue(nameof(CtiEventRequest), out var found) != true || found is not OpenApiSchema schema)
        {
            return Task.CompletedTask;
        }
        schema.AdditionalPropertiesAllowed = true;
        schema.AdditionalProperties = null;
        var properties = schema.Properties!;
        if (properties.TryGetValue("user", out var user) && user is OpenApiSchema users)
        {
            // A blank name is ignored, as a form's empty field is; null (on its own, not in a list) is no user.
            var name = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 0, MaxLength = CtiFields.TextLength };
            var nameOrNull = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, MinLength = 0, MaxLength = CtiFields.TextLength };
            properties["user"] = new OpenApiSchema
            {
                Description = users.Description,
                Examples = users.Examples,
                OneOf =
                [
                    nameOrNull,
                    new OpenApiSchema { Type = JsonSchemaType.Array, MaxItems = CtiFields.Users, Items = name },
                ],
            };
        }
        foreach (var field in IntegerToo)
        {
            if (properties.TryGetValue(field, out var text) && text is OpenApiSchema textSchema)
            {
                var asText = new OpenApiSchema
                {
                    Type = textSchema.Type,
                    MinLength = textSchema.MinLength,
                    MaxLength = textSchema.MaxLength,
                    Pattern = textSchema.Pattern,
                };
                properties[field] = new OpenApiSchema
                {
                    Description = textSchema.Description,
                    Examples = textSchema.Examples,
                    AnyOf =
                    [
                        asText,
                        new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "0", Maximum = long.MaxValue.ToString(CultureInfo.InvariantCulture) },
                    ],
                };
            }
        }
        return Task.CompletedTask;
    }
}
