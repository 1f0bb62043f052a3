using Microsoft.Extensions.Logging;

namespace AfterSales.Staff;

/// <summary>Log events of a technician's assignment checks.</summary>
internal static partial class TechnicianLog
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Technician {TechnicianId} released case {CaseNumber}: the case never took the assignment (its routing was cut off)")]
    public static partial void UnconfirmedAssignmentReleased(this ILogger logger, string technicianId, string caseNumber);
}
