using System.Globalization;

namespace AfterSales.Console.Session;

/// <summary>The user's language (en or zh-CN: their choice in local storage, else their profile's — the signed-in
/// person's <c>locale</c> —, else the browser's first match) and time zone (the browser's), applied to every label, date
/// and number. The profile is the session <see cref="ConsoleSession.LoadAsync"/> has read, so start-up reads the stored
/// session once.</summary>
internal sealed class UserCulture(BrowserStorage storage, ConsoleSession session)
{
    public const string StorageKey = "aftersales.culture";

    public static readonly IReadOnlyList<string> Supported = ["en", "zh-CN"];

    public CultureInfo Culture { get; private set; } = CultureInfo.GetCultureInfo("en");

    public TimeZoneInfo TimeZone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>Sets the culture and time zone; call after <see cref="ConsoleSession.LoadAsync"/>.</summary>
    public async Task ApplyAsync()
    {
        // A page in a language of its own (a customer's survey) comes first; the runtime loads the translations of the
        // culture set before it starts only, so such a page reloads itself with ?lang= rather than switching in place.
        var chosen = Match(await storage.PageLanguageAsync()) ?? Match(await storage.GetAsync(StorageKey)) ?? ProfileLanguage;
        var name = Match(chosen) ?? (await storage.LanguagesAsync()).Select(Match).FirstOrDefault(n => n is not null) ?? "en";
        Culture = CultureInfo.GetCultureInfo(name);
        CultureInfo.DefaultThreadCurrentCulture = Culture;
        CultureInfo.DefaultThreadCurrentUICulture = Culture;
        CultureInfo.CurrentCulture = Culture;
        CultureInfo.CurrentUICulture = Culture;
        await storage.SetDocumentLanguageAsync(name);
        try
        {
            TimeZone = TimeZoneInfo.FindSystemTimeZoneById(await storage.TimeZoneAsync());
        }
        catch (TimeZoneNotFoundException)
        {
            TimeZone = TimeZoneInfo.Utc;
        }
    }

    /// <summary>Whether the language the page would start in now differs from the one it runs in (after a sign-in
    /// whose profile names another language): the caller reloads so the labels load in it.</summary>
    public async Task<bool> ShouldRestartAsync() =>
        Match(await storage.GetAsync(StorageKey)) is null && Match(ProfileLanguage) is { } profile && profile != Culture.Name;

    /// <summary>The signed-in person's profile language: the session holds what sign-in stored (or start-up read back).</summary>
    private string? ProfileLanguage => session.User?.Language;

    /// <summary>Stores the choice; the caller reloads the page so every component renders in it.</summary>
    public ValueTask ChooseAsync(string name) => storage.SetAsync(StorageKey, Match(name) ?? "en");

    /// <summary>An instant in the user's time zone and culture.</summary>
    public string Format(DateTimeOffset? instant) =>
        instant is { } value ? TimeZoneInfo.ConvertTime(value, TimeZone).ToString("g", Culture) : "—";

    /// <summary>zh, zh-CN, zh-Hans… read as zh-CN; en-* as en; anything else is not supported.</summary>
    internal static string? Match(string? language) => language switch
    {
        null or "" => null,
        _ when language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) => "zh-CN",
        _ when language.StartsWith("en", StringComparison.OrdinalIgnoreCase) => "en",
        _ => null,
    };
}
