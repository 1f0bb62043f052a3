namespace AfterSales.Api.Cti;

/// <summary>The PBX integration's settings (section <c>AfterSales:Cti</c>), checked at start by
/// <see cref="CtiIntakeOptionsValidator"/>.</summary>
public sealed class CtiIntakeOptions
{
    public const string SectionName = "AfterSales:Cti";

    /// <summary>The token embedded mode and the Development environment accept when no token is configured. Never
    /// accepted by a cluster.</summary>
    public const string DevelopmentToken = "dev-cti-token";

    /// <summary>The SHA-256 hashes (64 hex digits) of the tokens a PBX may put in its URL, <c>/api/cti/{token}</c>; the
    /// tokens themselves are stored nowhere. Default: none, so no event is accepted (embedded or Development: the hash of
    /// <see cref="DevelopmentToken"/>). Make one with <c>printf %s "$TOKEN" | sha256sum</c>.</summary>
    public List<string> Tokens { get; set; } = [];

    /// <summary>Callers whose inbound calls are refused at <c>newCall</c> with <c>{"action":"reject","reason":"busy"}</c>,
    /// as phone numbers in any spelling the API reads (normalised to E.164 at start). Default: none.</summary>
    public List<string> BlockedCallers { get; set; } = [];
}
