using AfterSales.Access;
using AfterSales.Api.Hosting;
using AfterSales.Api.Problems;
using AfterSales.Api.Validation;
using AfterSales.Common;
using AfterSales.Silo.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AfterSales.Api.Access;

/// <summary><c>POST /api/dev/tokens</c>: signs a bearer token for any role with the development key, so the embedded
/// product, the .http file and the console can sign in without an identity provider. Mapped only in embedded mode or the
/// Development environment — the rule the CTI development token follows — so a cluster answers 404.</summary>
internal static class DevelopmentTokens
{
    public const string Route = "/dev/tokens";

    /// <summary>Embedded mode (the README's local start) or the Development environment; never a Client or Cluster
    /// process in any other environment.</summary>
    public static bool AreEnabled(IConfiguration configuration, IHostEnvironment environment)
    {
        var mode = configuration.GetSection(HostingOptions.SectionName).Get<HostingOptions>()?.Mode ?? HostingMode.Embedded;
        return environment.IsDevelopment() || mode == HostingMode.Embedded;
    }

    public static RouteGroupBuilder MapDevelopmentTokensApi(this RouteGroupBuilder api, IConfiguration configuration, IHostEnvironment environment)
    {
        if (!AreEnabled(configuration, environment))
        {
            return api;
        }
        api.MapPost(Route, CreateDevelopmentToken)
            .WithTags("Development")
            .WithName(nameof(CreateDevelopmentToken))
            .WithSummary("Get a development bearer token (embedded mode and Development only)")
            .WithDescription("Signs a token for the role and scope asked for with the key generated at the first start and kept in "
                + "the data directory (dev-token-key). Served only in embedded mode or the Development environment: a cluster "
                + "answers 404. Anonymous, rate-limited per client address.")
            .AllowAnonymous()
            .ProducesProblems(400, 413, 415);
        return api;
    }

    public static Results<Ok<DevelopmentTokenResponse>, ProblemHttpResult> CreateDevelopmentToken(
        DevelopmentTokenRequest request, InputRules rules, DevelopmentTokenKey key, IOptions<AuthOptions> options, TimeProvider time)
    {
        var errors = new ValidationErrors();
        var role = errors.RequiredValue("role", request.Role);
        var subject = errors.RequiredText("subject", request.Subject, 64);
        var customerId = errors.OptionalIdentifier("customerId", request.CustomerId);
        var technicianId = errors.OptionalIdentifier("technicianId", request.TechnicianId);
        if (role == TokenRole.Customer && customerId is null && request.CustomerId is null)
        {
            errors.Add("customerId", "A customer's token needs the customer's id.");
        }
        if (role != TokenRole.Customer && request.CustomerId is not null)
        {
            errors.Add("customerId", "Only a customer's token carries a customer id.");
        }
        if (role == TokenRole.Technician && request.TechnicianId is null)
        {
            errors.Add("technicianId", "A technician's token needs the technician's id.");
        }
        var locale = request.Locale is null ? null : InputRules.Language(errors, "locale", request.Locale);
        var regions = request.Regions ?? [];
        for (var i = 0; i < regions.Count; i++)
        {
            rules.Region(errors, $"regions[{i}]", regions[i]);
        }
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var lifetime = options.Value.DevelopmentTokenLifetime;
        var now = time.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [AuthClaims.Subject] = subject!,
            [AuthClaims.Role] = AuthClaims.NameOf(ToCallerRole(role!.Value)),
        };
        if (customerId is not null)
        {
            claims[AuthClaims.CustomerId] = customerId;
        }
        if (technicianId is not null)
        {
            claims[AuthClaims.TechnicianId] = technicianId;
        }
        if (request.Departments is { Count: > 0 } departments)
        {
            claims[AuthClaims.Department] = departments.Distinct().Select(DepartmentNames.ToSlug).ToArray();
        }
        if (regions.Count > 0)
        {
            claims[AuthClaims.Region] = regions.Distinct(StringComparer.Ordinal).ToArray();
        }
        if (locale is not null)
        {
            claims[AuthClaims.Locale] = locale;
        }
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(key.Key, SecurityAlgorithms.HmacSha256),
        });
        return TypedResults.Ok(new DevelopmentTokenResponse(token, "Bearer", (int)lifetime.TotalSeconds));
    }

    private static CallerRole ToCallerRole(TokenRole role) => role switch
    {
        TokenRole.Customer => CallerRole.Customer,
        TokenRole.Technician => CallerRole.Technician,
        TokenRole.Agent => CallerRole.Agent,
        TokenRole.Supervisor => CallerRole.Supervisor,
        TokenRole.Admin => CallerRole.Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}
