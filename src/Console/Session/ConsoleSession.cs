using System.Net.Http.Json;
using System.Text.Json;

namespace AfterSales.Console.Session;

/// <summary>Who is signed in (role, subject, display name, home department) and their bearer token, kept in local
/// storage so a reload keeps the session.</summary>
internal sealed class ConsoleSession(BrowserStorage storage)
{
    public const string StorageKey = "aftersales.session";

    public SignedInUser? User { get; private set; }

    public event Action? Changed;

    /// <summary>Reads the stored session, once at start-up (before <see cref="UserCulture.ApplyAsync"/>, which takes the
    /// profile's language from it).</summary>
    public async Task LoadAsync()
    {
        var json = await storage.GetAsync(StorageKey);
        try
        {
            User = string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<SignedInUser>(json);
        }
        catch (JsonException)
        {
            // Storage is the browser's to change: what does not read as a session is no session (sign in again).
            User = null;
        }
    }

    /// <summary>Signs in as a demo person: asks the API for a development token (embedded mode); an API without the
    /// token endpoint (404) is an open API, so the console goes on without a token.</summary>
    public async Task SignInAsync(HttpClient http, DemoPerson person)
    {
        string? token = null;
        using var response = await http.PostAsJsonAsync("api/dev/tokens", new
        {
            role = person.Role,
            subject = person.Subject,
            technicianId = person.Role is "agent" or "technician" ? person.Subject : null,
            // The demo desk works every department of both demo regions (an agent takes every kind of call).
            departments = person.Role is "agent" or "supervisor" ? DemoPeople.Departments : null,
            regions = person.Role is "agent" or "supervisor" ? DemoPeople.Regions : null,
            locale = person.Language,
        });
        if (response.IsSuccessStatusCode)
        {
            var issued = await response.Content.ReadFromJsonAsync<IssuedToken>();
            token = issued?.AccessToken;
        }
        User = new SignedInUser(person.Role, person.Subject, person.Name, person.Department, person.Region, token)
        {
            Language = UserCulture.Match(TokenClaims.Locale(token)) ?? person.Language,
        };
        await storage.SetAsync(StorageKey, JsonSerializer.Serialize(User));
        Changed?.Invoke();
    }

    public async Task SignOutAsync()
    {
        User = null;
        await storage.SetAsync(StorageKey, null);
        Changed?.Invoke();
    }

    /// <summary>The start page of a role.</summary>
    public static string StartPage(SignedInUser user) => user.Role switch
    {
        "agent" => "agent",
        "technician" => "technician",
        _ => $"board/{user.Department}/{user.Region}",
    };

    private sealed record IssuedToken(string AccessToken, string TokenType, int ExpiresIn);
}

/// <summary>The signed-in user.</summary>
internal sealed record SignedInUser(string Role, string Subject, string Name, string Department, string Region, string? AccessToken)
{
    /// <summary>The language of the person's profile (their token's <c>locale</c>), if it has one.</summary>
    public string? Language { get; init; }
}
