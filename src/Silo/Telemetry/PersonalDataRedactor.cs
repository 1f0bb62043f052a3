using System.Diagnostics;
using System.Text.RegularExpressions;
using OpenTelemetry;

namespace AfterSales.Silo.Telemetry;

/// <summary>Removes personal data from spans before any exporter sees them. Orleans tags a grain call with the target
/// and source grain ids, and the caller-id index is keyed by the phone number itself; the phone lookup carries the
/// number in its query string. Such values become <see cref="Redacted"/>; every other id stays, since ids are what a
/// trace is read by.</summary>
internal sealed partial class PersonalDataRedactor : BaseProcessor<Activity>
{
    public const string Redacted = "redacted";

    private static readonly string[] GrainIdTags = ["orleans.rpc.target_id", "orleans.rpc.source_id"];

    public override void OnEnd(Activity data)
    {
        foreach (var tag in GrainIdTags)
        {
            if (data.GetTagItem(tag) is string id && RedactGrainId(id) is { } redacted)
            {
                data.SetTag(tag, redacted);
            }
        }
        if (data.GetTagItem("url.query") is string query && query.Length > 0)
        {
            data.SetTag("url.query", RedactQuery(query));
        }
    }

    /// <summary>The grain id with its key redacted when the key is personal (a phone number or an e-mail address), or
    /// null when it is not.</summary>
    internal static string? RedactGrainId(string grainId)
    {
        var slash = grainId.IndexOf('/', StringComparison.Ordinal);
        var key = slash < 0 ? grainId : grainId[(slash + 1)..];
        return PersonalKey().IsMatch(key) ? $"{grainId[..(slash + 1)]}{Redacted}" : null;
    }

    /// <summary>Every query value replaced, names kept: <c>?phone=%2B86…&amp;limit=5</c> becomes
    /// <c>?phone=redacted&amp;limit=redacted</c>.</summary>
    internal static string RedactQuery(string query) => QueryValue().Replace(query, "=" + Redacted);

    // E.164 with its '+' (or %2B), as the index keys numbers, or anything with an '@'. Digits alone stay: serials.
    [GeneratedRegex(@"^((\+|%2B)[0-9]{6,15}|[^/]*@[^/]*)$", RegexOptions.IgnoreCase)]
    private static partial Regex PersonalKey();

    [GeneratedRegex(@"=[^&]*")]
    private static partial Regex QueryValue();
}
