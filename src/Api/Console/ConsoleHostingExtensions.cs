namespace AfterSales.Api.Console;

/// <summary>Serves the service console (the Blazor WebAssembly app of src/Console) at <c>/</c>: its files from this
/// process, so it works offline, and index.html for each of its pages.</summary>
internal static class ConsoleHostingExtensions
{
    /// <summary>The console's own pages (its <c>@page</c> routes): each answers index.html, so a reload or a shared link
    /// opens the page. Only these: a catch-all route would be a routing candidate for every path (see below).</summary>
    private static readonly string[] Pages = ["/", "/agent", "/board/{department}/{region}", "/cases/{number}", "/kpis", "/survey/{token}",
        "/technician", "/technician/installation/{number}", "/technician/visit/{number}"];

    /// <summary>The console's files from the build output too, not only when published: <c>dotnet run</c> starts the API
    /// in the Production environment, where static web assets are otherwise read only from a published wwwroot. A
    /// published app has no static web assets manifest, so this does nothing there.</summary>
    public static WebApplicationBuilder AddAfterSalesConsole(this WebApplicationBuilder builder)
    {
        builder.WebHost.UseStaticWebAssets();
        // Static assets read from the build manifest come with a GET/HEAD fallback route ({**path:file}) for files added
        // after start. The router counts that catch-all as a candidate for every path, so a POST to any path nobody
        // serves matched its "405" endpoint, which deny-by-default then answered 401 (an unmapped /api route must be
        // 404, for anyone). Only the manifest's files are served.
        builder.Configuration["DisableStaticAssetNotFoundRuntimeFallback"] = "true";
        return builder;
    }

    public static WebApplication MapAfterSalesConsole(this WebApplication app)
    {
        // The console's files and pages are public; what it shows comes from the API, which checks every call.
        app.MapStaticAssets().ExcludeFromDescription().AllowAnonymous();
        foreach (var page in Pages)
        {
            app.MapFallbackToFile(page, "index.html").ExcludeFromDescription().AllowAnonymous();
        }
        return app;
    }
}
