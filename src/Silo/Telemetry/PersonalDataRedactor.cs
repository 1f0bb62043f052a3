using System.Diagnostics;
using System.Text.RegularExpressions;
using OpenTelemetry;

namespace AfterSales.Silo.Telemetry;

/// <summary>Removes personal data from spans before any exporter sees them. Orleans tags its spans with grain ids (call
/// target and source, activation, directory and storage entries); the caller-id index is keyed by a hash of the number,
/// but a key written before that, or an id a client chose, may hold one; the phone lookup carries the number in its query
/// string. Phone numbers and e-mail addresses in any tag
/// become <see cref="Redacted"/>, every query-string value too; ids stay, since ids are what a trace is read by.</summary>
internal sealed partial class PersonalDataRedactor : BaseProcessor<Activity>
{
    public const string Redacted = "redacted";

    private const string QueryTag = "url.query";

    public override void OnEnd(Activity data)
    {
        List<KeyValuePair<string, string>>? changes = null;
        foreach (var (key, value) in data.TagObjects)
        {
            if (value is not string text)
            {
                continue;
            }
            var redacted = key == QueryTag ? RedactQuery(text) : Redact(text);
            if (redacted is not null && redacted != text)
            {
                (changes ??= []).Add(new(key, redacted));
            }
        }
        foreach (var (key, redacted) in changes ?? [])
        {
            data.SetTag(key, redacted);
        }
    }

    /// <summary>The text with every phone number (E.164, as the index keys them) and e-mail address replaced, or null
    /// when it holds none. Cheap for the common tag: no regular expression runs without a '+' or an '@'.</summary>
    internal static string? Redact(string text)
    {
        if (!text.Contains('+', StringComparison.Ordinal) && !text.Contains('@', StringComparison.Ordinal)
            && !text.Contains("%2B", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var redacted = Personal().Replace(text, Redacted);
        return redacted == text ? null : redacted;
    }

    /// <summary>Every query value replaced, names kept: <c>?phone=%2B86…&amp;limit=5</c> becomes
    /// <c>?phone=redacted&amp;limit=redacted</c>.</summary>
    internal static string RedactQuery(string query) => QueryValue().Replace(query, "=" + Redacted);

    // A phone number with its '+' (or %2B), or an e-mail address (a domain with a dot and a letter-only last label, so
    // an Orleans client id such as hosted-127.0.0.1:42479@155108380 stays).
    [GeneratedRegex(@"(\+|%2B)[0-9]{6,15}|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}", RegexOptions.IgnoreCase)]
    private static partial Regex Personal();

    [GeneratedRegex(@"=[^&]*")]
    private static partial Regex QueryValue();
}
