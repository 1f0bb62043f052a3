using Microsoft.IdentityModel.Tokens;

namespace AfterSales.Api.Access;

/// <summary>The HMAC keys bearer tokens are checked against: the configured ones and, where development tokens are on,
/// the development key.</summary>
internal static class SigningKeys
{
    public const int MinimumBytes = 32;

    public static bool TryDecode(string? base64, out byte[] key)
    {
        key = [];
        if (string.IsNullOrWhiteSpace(base64))
        {
            return false;
        }
        var buffer = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64.Trim(), buffer, out var written) || written < MinimumBytes)
        {
            return false;
        }
        key = buffer[..written];
        return true;
    }

    public static SymmetricSecurityKey ToSecurityKey(byte[] key, string keyId) => new(key) { KeyId = keyId };
}
