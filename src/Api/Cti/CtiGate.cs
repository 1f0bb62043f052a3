using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using AfterSales.Api.Validation;
using Microsoft.Extensions.Options;

namespace AfterSales.Api.Cti;

/// <summary>The integration's checks at the door: is the URL's token one of the configured ones, is a caller blocked.</summary>
internal sealed class CtiGate
{
    private readonly byte[][] tokenHashes;
    private readonly FrozenSet<string> blocked;

    public CtiGate(IOptions<CtiIntakeOptions> options, InputRules rules)
    {
        tokenHashes = [.. options.Value.Tokens.Select(Convert.FromHexString)];
        blocked = options.Value.BlockedCallers.Select(number => rules.Phones.Normalise(number, out _)!).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>True when the token's SHA-256 is configured; compared in constant time, so the answer's timing says
    /// nothing about how close a guess came.</summary>
    public bool Accepts(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > CtiFields.TokenLength)
        {
            return false;
        }
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        var accepted = false;
        foreach (var known in tokenHashes)
        {
            accepted |= CryptographicOperations.FixedTimeEquals(hash, known);
        }
        return accepted;
    }

    /// <summary>True when the E.164 number is on the blocked list.</summary>
    public bool IsBlocked(string? e164) => e164 is not null && blocked.Contains(e164);

    /// <summary>The hash to configure for a token (lower-case hex).</summary>
    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
