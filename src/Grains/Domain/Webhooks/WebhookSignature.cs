using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AfterSales.Domain.Webhooks;

/// <summary>
/// Signs a webhook delivery: <c>v1=</c> and the lowercase hex HMAC-SHA256, keyed with the subscription's secret (its
/// UTF-8 bytes), of the UTF-8 bytes of <c>{timestamp}.{body}</c> — the Unix time in seconds sent in
/// <c>X-AfterSales-Timestamp</c>, a full stop, and the request body exactly as sent. The timestamp is inside the
/// signature so a receiver can refuse a replayed old delivery (docs/WEBHOOKS.md).
/// </summary>
public static class WebhookSignature
{
    /// <summary>The scheme's prefix in <c>X-AfterSales-Signature</c>; a new scheme would get a new prefix.</summary>
    public const string Scheme = "v1";

    /// <summary>The exact string that is signed.</summary>
    public static string SignedPayload(long timestamp, string body) =>
        string.Create(CultureInfo.InvariantCulture, $"{timestamp}.{body}");

    /// <summary>The header value: <c>v1=&lt;64 lowercase hex digits&gt;</c>.</summary>
    public static string Sign(string secret, long timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(SignedPayload(timestamp, body)));
        return Scheme + "=" + Convert.ToHexStringLower(mac);
    }

    /// <summary>What a receiver does: true when one of the comma-separated <c>v1=</c> values of
    /// <paramref name="header"/> is the signature of <paramref name="body"/> at <paramref name="timestamp"/>
    /// (compared in constant time).</summary>
    public static bool Verify(string secret, long timestamp, string body, string? header)
    {
        if (string.IsNullOrEmpty(header))
        {
            return false;
        }
        var expected = Encoding.ASCII.GetBytes(Sign(secret, timestamp, body));
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(part)))
            {
                return true;
            }
        }
        return false;
    }
}
