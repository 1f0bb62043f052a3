using AfterSales.Api.Access;
using AfterSales.Api.Cti;
using AfterSales.Api.Demo;
using AfterSales.Api.Live;
using AfterSales.Api.Problems;
using AfterSales.Api.Validation;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace AfterSales.Api.Hosting;

/// <summary>The API's entry points: services, middleware and the rate-limited <c>/api</c> group.</summary>
internal static class ApiHostingExtensions
{
    /// <summary>JSON contract, ProblemDetails for every failure, input rules, concurrency limit, OpenAPI, the CTI intake.</summary>
    public static WebApplicationBuilder AddAfterSalesApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ApiOptions>().Bind(builder.Configuration.GetSection(ApiOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>();

        // Kestrel's own loader reads endpoints from the Kestrel section but not its limits; bind those here so the
        // 64 KB body limit in appsettings.json holds wherever the server is started.
        services.Configure<KestrelServerOptions>(kestrel => builder.Configuration.GetSection("Kestrel:Limits").Bind(kestrel.Limits));
        services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));
        // Binding failures throw, so BadRequestExceptionHandler can answer them precisely (in every environment).
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemDetailsCustomization.Customize);
        services.AddExceptionHandler<BadRequestExceptionHandler>();

        services.AddSingleton<InputRules>();
        services.AddSingleton<ApiConcurrencyLimiter>();
        services.AddRateLimiter(ApiConcurrencyLimiter.Configure);
        services.AddOpenApi(options => ApiDocument.Configure(options));
        builder.AddCtiIntake();
        services.AddLiveViews();
        services.AddDemoData(builder.Configuration);
        return builder;
    }

    /// <summary>Exceptions and empty error answers become ProblemDetails; then the caller is authenticated, <c>/api</c>
    /// requests pass the limiters, and the caller's rights are checked.</summary>
    public static WebApplication UseAfterSalesApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAfterSalesAccess();
        return app;
    }

    /// <summary>The <c>/api</c> group: every resource route, behind the concurrency limit and its access rule.</summary>
    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api")
            .RequireRateLimiting(ApiConcurrencyLimiter.PolicyName)
            .RequireAccessRules()
            .ProducesProblems(StatusCodes.Status429TooManyRequests);
}
