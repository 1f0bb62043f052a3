namespace AfterSales.Installation;

/// <summary>Photos are referenced by URL, never uploaded: an absolute http or https address of at most
/// <see cref="InstallationLimits.PhotoUrl"/> characters, without user name or password, and without whitespace.</summary>
public static class PhotoUrls
{
    /// <summary>Why <paramref name="url"/> is not accepted, or null when it is.</summary>
    public static string? Problem(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return "A photo URL must not be empty.";
        }
        if (url.Length > InstallationLimits.PhotoUrl)
        {
            return $"A photo URL has at most {InstallationLimits.PhotoUrl} characters.";
        }
        if (url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return "A photo URL must not contain whitespace or control characters.";
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || string.IsNullOrEmpty(uri.Host))
        {
            return $"'{url}' is not an absolute http or https URL.";
        }
        if (uri.UserInfo.Length > 0)
        {
            return "A photo URL must not carry a user name or password.";
        }
        return null;
    }
}
