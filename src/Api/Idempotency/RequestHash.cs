using System.Security.Cryptography;
using System.Text.Json;
using AfterSales.Api.Hosting;

namespace AfterSales.Api.Idempotency;

/// <summary>The canonical hash of a create request: SHA-256 over the parsed, validated and normalised request
/// serialised again, so whitespace, property order or <c>+86 138…</c> versus <c>138…</c> do not make two equal
/// requests look different.</summary>
internal static class RequestHash
{
    public static string Of<T>(string scope, T canonical)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new Envelope<T>(scope, canonical), ApiJson.Options);
        return Convert.ToHexStringLower(SHA256.HashData(json));
    }

    private sealed record Envelope<T>(string Scope, T Request);
}
