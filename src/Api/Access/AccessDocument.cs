using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AfterSales.Api.Access;

/// <summary>States the API's security in the OpenAPI document: the two schemes (a JWT bearer token, an
/// <c>X-Api-Key</c>), and per operation the schemes it takes, the 401 and 403 answers, and who may call it.</summary>
internal static class AccessDocument
{
    public const string BearerScheme = "bearer";
    public const string ApiKeyScheme = "apiKey";

    public static Task AddSchemesAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A JWT from the configured identity provider (AfterSales:Auth), or in embedded mode from POST /api/dev/tokens. "
                + "Claims: sub, role (customer, technician, agent, supervisor, admin), customer_id, technician_id, department, region.",
        };
        document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthenticationHandler.HeaderName,
            Description = "An integration's key (AfterSales:Auth:ApiKeys, stored as its SHA-256) with scopes: cti, intake, webhooks, readings.",
        };
        return Task.CompletedTask;
    }

    public static Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var rule = metadata.OfType<AccessRule>().LastOrDefault();
        if (rule is null ? metadata.OfType<IAllowAnonymous>().Any() : rule.IsAnonymous)
        {
            // No credential: an empty requirement list says so explicitly.
            operation.Security = [];
            return Task.CompletedTask;
        }
        var requirements = new List<OpenApiSecurityRequirement>
        {
            new() { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] },
        };
        if (rule?.TakesApiKey == true)
        {
            requirements.Add(new() { [new OpenApiSecuritySchemeReference(ApiKeyScheme, context.Document)] = [] });
        }
        operation.Security = requirements;
        if (rule is not null)
        {
            var who = string.Join(", ", rule.Describe());
            operation.Description = string.IsNullOrEmpty(operation.Description)
                ? $"Access: {who}."
                : $"{operation.Description} Access: {who}.";
        }
        return Task.CompletedTask;
    }
}
