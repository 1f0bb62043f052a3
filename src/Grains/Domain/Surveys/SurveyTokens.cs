using System.Buffers.Text;
using System.Security.Cryptography;

namespace AfterSales.Domain.Surveys;

/// <summary>Survey tokens: 24 bytes (192 bits) from the operating system's CSPRNG, base64url without padding, so 32
/// characters of <c>A–Z a–z 0–9 - _</c>. A token carries nothing but randomness: no case number, no customer.</summary>
public static class SurveyTokens
{
    public const int Bytes = 24;
    public const int Length = 32;
    public const string Pattern = "^[A-Za-z0-9_-]{32}$";

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(Bytes));

    /// <summary>True for a string a token could be; anything else is answered like an unknown token.</summary>
    public static bool IsWellFormed(string? token)
    {
        if (token is null || token.Length != Length)
        {
            return false;
        }
        foreach (var c in token)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                return false;
            }
        }
        return true;
    }
}
