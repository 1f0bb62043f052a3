using System.Text.RegularExpressions;
using AfterSales.Api.Validation;

namespace AfterSales.Api.Http;

/// <summary>Reads the API's own request headers, adding a message per malformed one.</summary>
internal static partial class RequestHeaders
{
    /// <summary>The actor recorded in a case's history when the client sends no <c>X-Actor</c>.</summary>
    public const string DefaultActor = "api";

    /// <summary><c>X-Actor</c>: who acts (recorded in the audit trail); <see cref="DefaultActor"/> when absent.</summary>
    public static string? Actor(this ValidationErrors errors, string? header)
    {
        if (header is null)
        {
            return DefaultActor;
        }
        if (!ActorRegex().IsMatch(header))
        {
            errors.Add(ApiHeaders.Actor, "The actor must be 1-64 letters, digits, '.', '_', '-' or '@', starting with a letter or digit.");
            return null;
        }
        return header;
    }

    /// <summary><c>Idempotency-Key</c>: 1-200 printable ASCII characters; null when absent.</summary>
    public static string? IdempotencyKey(this ValidationErrors errors, string? header)
    {
        if (header is null)
        {
            return null;
        }
        if (header.Length is 0 or > Limits.IdempotencyKey || !header.All(c => c is >= ' ' and <= '~'))
        {
            errors.Add(ApiHeaders.IdempotencyKey, $"The idempotency key must be 1-{Limits.IdempotencyKey} printable ASCII characters.");
            return null;
        }
        return header;
    }

    /// <summary><c>If-Match</c>: the version the client last read, as the strong entity tag <c>"7"</c>; null when
    /// absent or <c>*</c> (any current version).</summary>
    public static int? IfMatch(this ValidationErrors errors, string? header)
    {
        if (header is null || header.Trim() == "*")
        {
            return null;
        }
        if (ETags.TryParse(header, out var version))
        {
            return version;
        }
        errors.Add(ApiHeaders.IfMatch, "If-Match must be one strong entity tag from an ETag header, such as \"3\", or *.");
        return null;
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ActorRegex();
}
