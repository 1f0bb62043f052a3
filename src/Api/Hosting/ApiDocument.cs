using AfterSales.Api.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AfterSales.Api.Hosting;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c>.</summary>
internal static class ApiDocument
{
    private static readonly Dictionary<string, string> HeaderDescriptions = new(StringComparer.OrdinalIgnoreCase)
    {
        [ApiHeaders.IfMatch] = "The ETag last read (the version, e.g. \"3\"), or a list of entity tags: the change applies only if one of "
            + "them is the current ETag (strong comparison), otherwise 412. Absent or *: no check. A value that is no entity-tag list is 400.",
        [ApiHeaders.IfNoneMatch] = "ETags read before, or *: when one of them is current (weak comparison) the answer is 304 without a body. "
            + "A value that is no entity-tag list is 400.",
        [ApiHeaders.Actor] = "Who acts, recorded in the history (letters, digits, '.', '_', '-', '@'; max 64). Default: api.",
        [ApiHeaders.IdempotencyKey] = "Makes a retry safe: the same key and body answer the same resource (Idempotent-Replayed: true); "
            + "the same key with another body is refused with 422. A key is remembered for 24 hours by default "
            + "(AfterSales:Idempotency:Retention); after that it is new.",
    };

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "AfterSales API",
                Version = "v1",
                Description = "After-sales service: customers, product models, devices and their service contracts, technicians, departments, "
                    + "service cases and their routing. "
                    + "Errors are RFC 9457 problem details with an `errors` map from field to messages. "
                    + "Creates take an `Idempotency-Key`; reads of cases, technicians, devices, product models and the routing policy return an `ETag` "
                    + "(the version) that their changes accept in `If-Match`.",
            };
            // Clients use the address they reached the API at; the one this process listens on says nothing to them.
            document.Servers = [];
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, _, _) =>
        {
            // The XML-comment reader hands the body the description of a property of an [AsParameters] record (If-Match,
            // X-Actor) and leaves the headers bare; the body is described by its schema, the headers here.
            if (operation.RequestBody is OpenApiRequestBody body)
            {
                body.Description = null;
            }
            foreach (var parameter in operation.Parameters ?? [])
            {
                if (parameter is OpenApiParameter { In: ParameterLocation.Header } header
                    && string.IsNullOrEmpty(header.Description) && HeaderDescriptions.TryGetValue(header.Name ?? "", out var description))
                {
                    header.Description = description;
                }
            }
            return Task.CompletedTask;
        });
        options.AddOperationTransformer(ParameterRules.TransformAsync);
        options.AddDocumentTransformer(Access.AccessDocument.AddSchemesAsync);
        options.AddOperationTransformer(Access.AccessDocument.TransformAsync);
        options.AddOperationTransformer(CaseList.CaseListParameterRules.TransformAsync);
        options.AddOperationTransformer(Cti.CtiParameterRules.TransformAsync);
        options.AddDocumentTransformer(RequiredMembers.TransformAsync);
        options.AddDocumentTransformer(Cti.CtiEventSchema.TransformAsync);
        options.AddSchemaTransformer(SchemaRules.TransformAsync);
        options.AddSchemaTransformer((schema, context, _) =>
        {
            var type = context.JsonTypeInfo.Type;
            if ((Nullable.GetUnderlyingType(type) ?? type).IsEnum)
            {
                // The values are the JSON strings already; say so, so generated clients use string enums. An enum met
                // first as a nullable member would otherwise list null among its values: the member says it may be null.
                schema.Type = JsonSchemaType.String;
                schema.Enum = schema.Enum?.Where(value => value is not null).ToList();
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
