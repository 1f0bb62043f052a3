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

    /// <summary>Whether <paramref name="value"/> is a well-formed <c>Idempotency-Key</c>: 1-200 printable ASCII characters.</summary>
    public static bool IsIdempotencyKey(string value) =>
        value.Length is > 0 and <= Limits.IdempotencyKey && value.All(c => c is >= ' ' and <= '~');

    /// <summary><c>Idempotency-Key</c>: 1-200 printable ASCII characters; null when absent.</summary>
    public static string? IdempotencyKey(this ValidationErrors errors, string? header)
    {
        if (header is null)
        {
            return null;
        }
        if (!IsIdempotencyKey(header))
        {
            errors.Add(ApiHeaders.IdempotencyKey, $"The idempotency key must be 1-{Limits.IdempotencyKey} printable ASCII characters.");
            return null;
        }
        return header;
    }

    /// <summary><c>If-Match</c>: <c>*</c> or a list of entity tags. A well-formed list that names no current version
    /// is the grain's 412 to give; only a value that is no entity-tag list at all is a 400 here.</summary>
    public static IfMatchCondition IfMatch(this ValidationErrors errors, string? header) =>
        EntityTags(errors, ApiHeaders.IfMatch, header) is { } list ? IfMatchCondition.Of(list) : IfMatchCondition.None;

    /// <summary><c>If-None-Match</c>: <c>*</c> or a list of entity tags, compared weakly; null when absent or malformed.</summary>
    public static EntityTagList? IfNoneMatch(this ValidationErrors errors, string? header) =>
        EntityTags(errors, ApiHeaders.IfNoneMatch, header);

    private static EntityTagList? EntityTags(ValidationErrors errors, string name, string? header)
    {
        if (header is null)
        {
            return null;
        }
        var list = EntityTagList.Parse(header);
        if (list is null)
        {
            errors.Add(name, $"{name} must be {EntityTagList.Syntax} (the ETag header of a read gives the current one).");
        }
        return list;
    }

    // The same pattern as Limits.ActorPattern, but \z: $ would also accept a trailing line break.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ActorRegex();
}
