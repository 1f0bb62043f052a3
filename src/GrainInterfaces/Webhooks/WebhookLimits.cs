namespace AfterSales.Webhooks;

/// <summary>Bounds of webhook subscriptions, checked by the API and again by the grain.</summary>
public static class WebhookLimits
{
    /// <summary>Subscriptions a deployment holds at most (each costs a delivery queue per case-feed partition).</summary>
    public const int Subscriptions = 100;

    /// <summary>Event types a subscription names at most.</summary>
    public const int EventTypes = 64;

    /// <summary>The shortest secret accepted (characters).</summary>
    public const int SecretMin = 16;

    /// <summary>The longest secret accepted (characters).</summary>
    public const int SecretMax = 256;

    /// <summary>A secret: printable ASCII without spaces.</summary>
    public const string SecretPattern = "^[!-~]+$";

    /// <summary>Delivery-log entries a page holds at most.</summary>
    public const int LogPageMax = 200;

    /// <summary>True when <paramref name="secret"/> has the length and the characters a secret needs.</summary>
    public static bool IsValidSecret(string secret) =>
        secret.Length is >= SecretMin and <= SecretMax && secret.All(c => c is >= '!' and <= '~');
}
