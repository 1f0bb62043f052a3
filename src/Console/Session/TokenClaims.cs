using System.Text;
using System.Text.Json;

namespace AfterSales.Console.Session;

/// <summary>Claims the console reads from its own bearer token. It checks no signature — the API does that on every call —
/// and reads only what shapes the screen, never what decides access.</summary>
internal static class TokenClaims
{
    /// <summary>The <c>locale</c> claim of a JWT (the language of the person's profile); null when the token has none or
    /// is not a JWT.</summary>
    public static string? Locale(string? token)
    {
        var parts = token?.Split('.');
        if (parts is not { Length: 3 })
        {
            return null;
        }
        try
        {
            using var payload = JsonDocument.Parse(FromBase64Url(parts[1]));
            return payload.RootElement.TryGetProperty("locale", out var locale) && locale.ValueKind == JsonValueKind.String
                ? locale.GetString()
                : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    private static byte[] FromBase64Url(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - base64.Length % 4) % 4), '='));
    }
}
