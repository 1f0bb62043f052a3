using Microsoft.Extensions.Logging;

namespace AfterSales.Departments;

/// <summary>Log events of breach prediction.</summary>
internal static partial class RiskLog
{
    [LoggerMessage(EventId = 9801, Level = LogLevel.Information, Message = "Case {CaseNumber} in {DepartmentRegion}: at risk {AtRisk} (predicted {PredictedAt}); early action: {Reroute}")]
    public static partial void CaseRiskChanged(this ILogger logger, string caseNumber, string departmentRegion, bool atRisk, DateTimeOffset? predictedAt, string? reroute);

    [LoggerMessage(EventId = 9802, Level = LogLevel.Warning, Message = "Predicting breaches in {DepartmentRegion} failed; flags stay until the next run")]
    public static partial void RiskCheckFailed(this ILogger logger, Exception exception, string departmentRegion);
}
