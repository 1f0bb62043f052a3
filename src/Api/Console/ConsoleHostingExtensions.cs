namespace AfterSales.Api.Console;

/// <summary>Serves the service console (the Blazor WebAssembly app of src/Console) at <c>/</c>: its files from this
/// process, so it works offline, and index.html for any other path that is none of the API's.</summary>
internal static class ConsoleHostingExtensions
{
    /// <summary>Paths the console's fallback never answers: an unknown <c>/api/…</c> address stays a 404 problem, and the
    /// documents, probes and metrics keep their own routes.</summary>
    private const string FallbackPattern = "{*path:regex(^(?!(api|openapi|scalar|health|metrics|dashboard)(/|$)).*$)}";

    public static WebApplication UseAfterSalesConsole(this WebApplication app)
    {
        app.UseBlazorFrameworkFiles();
        app.UseStaticFiles();
        return app;
    }

    public static WebApplication MapAfterSalesConsole(this WebApplication app)
    {
        app.MapFallbackToFile(FallbackPattern, "index.html");
        return app;
    }
}
