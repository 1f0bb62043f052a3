using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AfterSales.Api.Hosting;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c>.</summary>
internal static class ApiDocument
{
    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "AfterSales API",
                Version = "v1",
                Description = "After-sales service: customers, devices, technicians, departments, service cases and their routing. "
                    + "Errors are RFC 9457 problem details with an `errors` map from field to messages. "
                    + "Creates take an `Idempotency-Key`; reads of cases, technicians and the routing policy return an `ETag` "
                    + "(the version) that their changes accept in `If-Match`.",
            };
            return Task.CompletedTask;
        });
        options.AddSchemaTransformer((schema, context, _) =>
        {
            var type = context.JsonTypeInfo.Type;
            if (type.IsEnum)
            {
                // The values are the JSON strings already; say so, so generated clients use string enums.
                schema.Type = JsonSchemaType.String;
            }
            else if (typeof(ProblemDetails).IsAssignableFrom(type))
            {
                // Problem details carry extension members (traceId, currentStatus, allowedActions).
                schema.AdditionalPropertiesAllowed = true;
                schema.AdditionalProperties = null;
            }
            return Task.CompletedTask;
        });
    }
}
