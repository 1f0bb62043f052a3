using System.Collections.Immutable;
using System.Globalization;

namespace AfterSales.Api.Http;

/// <summary>One entity tag as RFC 9110 §8.8.3 defines it: optionally weak (<c>W/</c>), with opaque content between
/// double quotes. The content means nothing to a client; the API's own tags are versions, e.g. <c>"7"</c>.</summary>
internal readonly record struct EntityTag(bool Weak, string Opaque)
{
    /// <summary>Strong comparison (If-Match): both strong and equal character for character.</summary>
    public bool StronglyMatches(int version) => !Weak && Opaque == Format(version);

    /// <summary>Weak comparison (If-None-Match): equal content, weak or not.</summary>
    public bool WeaklyMatches(int version) => Opaque == Format(version);

    public static string Format(int version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>The version a strong tag in the API's own format names (<c>"7"</c>, not <c>"07"</c> nor <c>W/"7"</c>).</summary>
    public bool TryGetVersion(out int version) =>
        int.TryParse(Opaque, NumberStyles.None, CultureInfo.InvariantCulture, out version) && !Weak && Format(version) == Opaque;
}

/// <summary>The value of an <c>If-Match</c> or <c>If-None-Match</c> header: <c>*</c> or a comma-separated list of
/// entity tags (RFC 9110 §13.1.1, §13.1.2). Anything else is not an entity-tag list and is refused with 400; a
/// well-formed list is compared, never judged by what its tags contain.</summary>
internal sealed record EntityTagList(bool Any, ImmutableArray<EntityTag> Tags)
{
    public const string Syntax = "*, or one or more entity tags such as \"3\" or W/\"3\" separated by commas";

    /// <summary>What <see cref="Parse"/> accepts, as an ECMA-262 pattern for the OpenAPI document: <c>*</c>, or tags
    /// (<c>W/</c> optional, visible ASCII but the quote, or obs-text, between quotes) each followed by a comma or the end,
    /// with optional whitespace and empty list elements.</summary>
    public const string Pattern = "^[ \\t]*(\\*|(?:[, \\t]*(?:W/)?\"[!#-~\\u0080-\\u00ff]*\"[ \\t]*(?:,|$))+[, \\t]*)[ \\t]*$";

    /// <summary>True when some tag names <paramref name="version"/> by the strong comparison, or the list is <c>*</c>.</summary>
    public bool StronglyMatches(int version) => Any || Tags.Any(tag => tag.StronglyMatches(version));

    /// <summary>True when some tag names <paramref name="version"/> by the weak comparison, or the list is <c>*</c>.</summary>
    public bool WeaklyMatches(int version) => Any || Tags.Any(tag => tag.WeaklyMatches(version));

    /// <summary>Reads a header value; null when it is not <c>*</c> nor a list of at least one entity tag.</summary>
    public static EntityTagList? Parse(string value)
    {
        var span = value.AsSpan().Trim(" \t");
        if (span is "*")
        {
            return new EntityTagList(true, []);
        }
        var tags = ImmutableArray.CreateBuilder<EntityTag>();
        var i = 0;
        while (i < span.Length)
        {
            // Empty list elements ("a", , "b") are allowed by RFC 9110 §5.6.1.
            if (span[i] is ',' or ' ' or '\t')
            {
                i++;
                continue;
            }
            if (!TryReadTag(span, ref i, out var tag))
            {
                return null;
            }
            tags.Add(tag);
            while (i < span.Length && span[i] is ' ' or '\t')
            {
                i++;
            }
            if (i < span.Length && span[i] != ',')
            {
                return null;
            }
        }
        return tags.Count == 0 ? null : new EntityTagList(false, tags.ToImmutable());
    }

    private static bool TryReadTag(ReadOnlySpan<char> span, ref int i, out EntityTag tag)
    {
        tag = default;
        var weak = span[i..].StartsWith("W/", StringComparison.Ordinal);
        var open = weak ? i + 2 : i;
        if (open >= span.Length || span[open] != '"')
        {
            return false;
        }
        var close = open + 1;
        while (close < span.Length && IsTagCharacter(span[close]))
        {
            close++;
        }
        if (close >= span.Length || span[close] != '"')
        {
            return false;
        }
        tag = new EntityTag(weak, span[(open + 1)..close].ToString());
        i = close + 1;
        return true;
    }

    // etagc = %x21 / %x23-7E / obs-text (%x80-FF): visible ASCII but the double quote, or an octet above 0x7F.
    private static bool IsTagCharacter(char c) => c is '!' or (>= '#' and <= '~') or (>= '\u0080' and <= '\u00FF');
}
