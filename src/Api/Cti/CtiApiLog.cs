namespace AfterSales.Api.Cti;

/// <summary>Log events of the CTI intake (9970–9979; the call grains use 9970–9972). No token is logged; a phone number
/// only classified as personal data, so it is redacted (a keyed pseudonym with an HMAC key configured).</summary>
internal static partial class CtiApiLog
{
    [LoggerMessage(EventId = 9975, Level = LogLevel.Warning, Message = "A CTI event came with a token that is not configured; answered 404")]
    public static partial void UnknownToken(this ILogger logger);

    [LoggerMessage(EventId = 9976, Level = LogLevel.Information, Message = "CTI call {CallKey}: inbound call from blocked caller {Caller} rejected")]
    public static partial void CallerRejected(this ILogger logger, string callKey, [Privacy.PersonalData] string caller);
}
