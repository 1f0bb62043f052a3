using AfterSales.Api.Cti;

namespace AfterSales.Tests.Api.Infrastructure;

/// <summary>An app with a configured CTI token and a blocked caller (so the Development token is not accepted).</summary>
public sealed class CtiApiApplication : ApiApplication
{
    public const string Token = "pbx-7f3c9a1e5b2d4c8f";

    public const string BlockedCaller = "+8613900001111";

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["AfterSales:Cti:Tokens:0"] = CtiGate.HashOf(Token),
        ["AfterSales:Cti:BlockedCallers:0"] = "139 0000 1111",
    };
}
