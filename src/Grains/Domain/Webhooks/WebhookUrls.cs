namespace AfterSales.Domain.Webhooks;

/// <summary>Which target URLs a subscription may name: absolute <c>https</c> URLs, or <c>http</c> only where the
/// deployment allows it (tests, development). No user information (credentials belong in the signature, not the URL)
/// and no fragment (it is never sent).</summary>
public static class WebhookUrls
{
    /// <summary>The longest URL accepted.</summary>
    public const int MaxLength = 2000;

    /// <summary>Null when <paramref name="value"/> is acceptable, else why not.</summary>
    public static string? Problem(string value, bool allowHttp)
    {
        if (value.Length > MaxLength)
        {
            return $"The URL must be at most {MaxLength} characters.";
        }
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            return "The value must be an absolute URL.";
        }
        if (uri.Scheme != Uri.UriSchemeHttps && !(allowHttp && uri.Scheme == Uri.UriSchemeHttp))
        {
            return allowHttp ? "The URL must use https or http." : "The URL must use https.";
        }
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "The URL must not contain user information.";
        }
        if (!string.IsNullOrEmpty(uri.Fragment))
        {
            return "The URL must not contain a fragment.";
        }
        return null;
    }
}
