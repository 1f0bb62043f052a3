using System.Collections.Immutable;

namespace AfterSales.Api.Http;

/// <summary>What an <c>If-Match</c> header asks of a change, as the version the grain must find (the grains check
/// one expected version atomically with the change).</summary>
internal sealed class IfMatchCondition
{
    /// <summary>A version no resource ever has: sent when no tag of the list can name a current version, so the grain
    /// refuses with 412 (after its own 404 when the resource does not exist).</summary>
    public const int NoVersion = -1;

    private readonly ImmutableArray<int> candidates;

    private IfMatchCondition(bool unconditional, ImmutableArray<int> candidates)
    {
        Unconditional = unconditional;
        this.candidates = candidates;
    }

    /// <summary>No header, or <c>*</c>: the change applies to whatever version is current.</summary>
    public static IfMatchCondition None { get; } = new(true, []);

    public bool Unconditional { get; }

    /// <summary>The condition of a well-formed list: only strong tags holding a version in the API's own format can
    /// match (RFC 9110 uses the strong comparison for If-Match); every other tag is simply not current.</summary>
    public static IfMatchCondition Of(EntityTagList list)
    {
        if (list.Any)
        {
            return None;
        }
        var versions = new HashSet<int>();
        foreach (var tag in list.Tags)
        {
            if (tag.TryGetVersion(out var version))
            {
                versions.Add(version);
            }
        }
        return new IfMatchCondition(false, [.. versions]);
    }

    /// <summary>The version to hand the grain: null for no check, <see cref="NoVersion"/> when no tag can match. A list
    /// naming several versions is settled by reading the current one: if it is listed, the change must still find it.</summary>
    public async Task<int?> ExpectedVersionAsync(Func<Task<int?>> currentVersion)
    {
        if (Unconditional)
        {
            return null;
        }
        switch (candidates.Length)
        {
            case 0:
                return NoVersion;
            case 1:
                return candidates[0];
            default:
                var current = await currentVersion();
                return current is { } version && candidates.Contains(version) ? version : NoVersion;
        }
    }
}
