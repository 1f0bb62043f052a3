using Microsoft.JSInterop;

namespace AfterSales.Console.Session;

/// <summary>The browser's local storage and settings, through console.js.</summary>
internal sealed class BrowserStorage(IJSRuntime js)
{
    public ValueTask<string?> GetAsync(string key) => js.InvokeAsync<string?>("afterSalesConsole.get", key);

    public ValueTask SetAsync(string key, string? value) => js.InvokeVoidAsync("afterSalesConsole.set", key, value);

    /// <summary>The page's own language (<c>?lang=</c>), which a customer's page asks for: not the user's choice, never stored.</summary>
    public ValueTask<string?> PageLanguageAsync() => js.InvokeAsync<string?>("afterSalesConsole.pageLanguage");

    public ValueTask<string[]> LanguagesAsync() => js.InvokeAsync<string[]>("afterSalesConsole.languages");

    public ValueTask<string> TimeZoneAsync() => js.InvokeAsync<string>("afterSalesConsole.timeZone");

    public ValueTask SetDocumentLanguageAsync(string language) => js.InvokeVoidAsync("afterSalesConsole.setLang", language);
}
