namespace AfterSales.Api.Console;

/// <summary>Serves the service console (the Blazor WebAssembly app of src/Console) at <c>/</c>: its files from this
/// process, so it works offline, and index.html for any other path that is none of the API's.</summary>
internal static class ConsoleHostingExtensions
{
    /// <summary>Paths the console's fallback never answers: an unknown <c>/api/…</c> address stays a 404 problem, and the
    /// documents, probes and metrics keep their own routes.</summary>
    private const string FallbackPattern = "{*path:regex(^(?!(api|openapi|scalar|health|metrics|dashboard|_framework|_content)(/|$)).*$)}";

    /// <summary>The console's files from the build output too, not only when published: <c>dotnet run</c> starts the API
    /// in the Production environment, where static web assets are otherwise read only from a published wwwroot. A
    /// published app has no static web assets manifest, so this does nothing there.</summary>
    public static WebApplicationBuilder AddAfterSalesConsole(this WebApplicationBuilder builder)
    {
        builder.WebHost.UseStaticWebAssets();
        return builder;
    }

    public static WebApplication MapAfterSalesConsole(this WebApplication app)
    {
        // The console's files and pages are public; what it shows comes from the API, which checks every call.
        app.MapStaticAssets().ExcludeFromDescription().AllowAnonymous();
        // A catch-all parameter with a constraint does not match the empty path, so / has its own route.
        app.MapFallbackToFile("/", "index.html").ExcludeFromDescription().AllowAnonymous();
        app.MapFallbackToFile(FallbackPattern, "index.html").ExcludeFromDescription().AllowAnonymous();
        return app;
    }
}
