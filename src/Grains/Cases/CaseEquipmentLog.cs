using Microsoft.Extensions.Logging;

namespace AfterSales.Cases;

/// <summary>Log events of a case's dealings with its device.</summary>
internal static partial class CaseEquipmentLog
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Case {CaseNumber} could not tell device {Serial} of its change; the case's next change tells it again")]
    public static partial void DeviceNoticeFailed(this ILogger logger, Exception exception, string caseNumber, string serial);
}
