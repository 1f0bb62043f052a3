using System.Globalization;

namespace AfterSales.Api.Http;

/// <summary>Entity tags of versioned resources: the version number in quotes, e.g. <c>"7"</c>.</summary>
internal static class ETags
{
    public static string Format(int version) => string.Create(CultureInfo.InvariantCulture, $"\"{version}\"");

    /// <summary>Parses one strong entity tag <c>"n"</c> (surrounding spaces allowed).</summary>
    public static bool TryParse(string? value, out int version)
    {
        version = 0;
        var tag = value?.Trim();
        return tag is { Length: >= 3 } && tag[0] == '"' && tag[^1] == '"'
            && tag.AsSpan(1, tag.Length - 2).IndexOfAnyExceptInRange('0', '9') < 0
            && int.TryParse(tag.AsSpan(1, tag.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out version);
    }

    /// <summary>True when an <c>If-None-Match</c> header names <paramref name="version"/> (or is <c>*</c>).</summary>
    public static bool NoneMatchHits(string? header, int version)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return false;
        }
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            // If-None-Match uses the weak comparison: W/"7" matches "7".
            var tag = part.StartsWith("W/", StringComparison.Ordinal) ? part[2..] : part;
            if (tag == "*" || (TryParse(tag, out var candidate) && candidate == version))
            {
                return true;
            }
        }
        return false;
    }
}
