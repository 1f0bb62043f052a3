using System.Globalization;
using System.Text.Json.Nodes;
using AfterSales.Api.Validation;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AfterSales.Api.Cti;

/// <summary>Publishes the rules the CTI routes enforce on their route and query values (after the general
/// <c>ParameterRules</c>, whose <c>token</c>, <c>limit</c> rules are another feature's).</summary>
internal static class CtiParameterRules
{
    public static Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var route = context.Description.RelativePath ?? "";
        if (!route.StartsWith("api/cti/", StringComparison.Ordinal))
        {
            return Task.CompletedTask;
        }
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            (parameter.Schema, parameter.Description) = (parameter.In, parameter.Name) switch
            {
                (ParameterLocation.Path, "token") => (Text(1, CtiFields.TokenLength),
                    "The integration's secret token, as configured (AfterSales:Cti:Tokens holds its SHA-256). Any other value answers 404."),
                (ParameterLocation.Path, "callId") => (Text(1, CtiFields.CallIdLength, CtiFields.CallIdPattern), "The PBX's call id."),
                (ParameterLocation.Query, "day") => (new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" },
                    "The UTC day (yyyy-MM-dd) the calls started on; default: today."),
                (ParameterLocation.Query, "customerId") => (Text(1, Limits.Identifier, Limits.IdentifierPattern),
                    "Only this customer's calls."),
                (ParameterLocation.Query, "limit") => (new OpenApiSchema
                {
                    Type = JsonSchemaType.Integer,
                    Format = "int32",
                    Minimum = "1",
                    Maximum = CallLogPage.MaxLimit.ToString(CultureInfo.InvariantCulture),
                    Default = JsonValue.Create(CallLogPage.DefaultLimit),
                }, "How many calls at most."),
                (ParameterLocation.Query, "cursor") => (Text(3, 148, CallLogPage.CursorPattern),
                    "The next value of the previous page; left out, the list starts at the newest call."),
                _ => (parameter.Schema, parameter.Description),
            };
        }
        return Task.CompletedTask;
    }

    private static OpenApiSchema Text(int minLength, int maxLength, string? pattern = null) =>
        new() { Type = JsonSchemaType.String, MinLength = minLength, MaxLength = maxLength, Pattern = pattern };
}
