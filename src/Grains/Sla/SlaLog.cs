using Microsoft.Extensions.Logging;

namespace AfterSales.Sla;

/// <summary>Log events of SLA policies, business calendars and case clocks (event ids 9701-9719).</summary>
internal static partial class SlaLog
{
    [LoggerMessage(EventId = 9701, Level = LogLevel.Information, Message = "SLA policy changed to version {Version} ({Rules} rules)")]
    public static partial void PolicyChanged(this ILogger logger, int version, int rules);

    [LoggerMessage(EventId = 9702, Level = LogLevel.Information, Message = "Business calendar of {Region} changed to version {Version} ({Change})")]
    public static partial void CalendarChanged(this ILogger logger, string region, int version, string change);

    [LoggerMessage(EventId = 9703, Level = LogLevel.Warning, Message = "Refreshing {Document} failed; SLA clocks keep version {Version}")]
    public static partial void RefreshFailed(this ILogger logger, Exception exception, string document, int version);

    [LoggerMessage(EventId = 9704, Level = LogLevel.Warning, Message = "Case {CaseNumber}: the SLA could not be computed; it is computed again with the case's next change")]
    public static partial void CaseSlaFailed(this ILogger logger, Exception exception, string caseNumber);

    // Debug: one per case opened; the rule is shown in the case's sla block (see 3001 on why not Information).
    [LoggerMessage(EventId = 9705, Level = LogLevel.Debug, Message = "Case {CaseNumber}: SLA rule {RuleId} of policy version {Version} applies")]
    public static partial void CaseSlaResolved(this ILogger logger, string caseNumber, string ruleId, int version);
}
