using Microsoft.Extensions.Logging;

namespace AfterSales.Technicians;

/// <summary>Log events of the technician grains.</summary>
internal static partial class TechnicianLog
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Technician {TechnicianId} released case {CaseNumber}: the case never took the assignment (its routing was cut off)")]
    public static partial void UnconfirmedAssignmentReleased(this ILogger logger, string technicianId, string caseNumber);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Technician {TechnicianId} registered in {DepartmentRegion} with capacity {Capacity}")]
    public static partial void TechnicianRegistered(this ILogger logger, string technicianId, string departmentRegion, int capacity);
    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Technician {TechnicianId} refused case {CaseNumber}: {Reason}")]
    public static partial void OfferRefused(this ILogger logger, string technicianId, string caseNumber, string reason);
    [LoggerMessage(EventId = 2013, Level = LogLevel.Information, Message = "Technician {TechnicianId} is now {Presence} ({Why}); {Returned} not-started cases returned to the queue")]
    public static partial void PresenceChanged(this ILogger logger, string technicianId, Presence presence, string why, int returned);

    [LoggerMessage(EventId = 2032, Level = LogLevel.Warning, Message = "Technician {TechnicianId}: storage had moved on under this activation (another activation wrote); reloaded it and dropping this one")]
    public static partial void StaleActivationCaughtUp(this ILogger logger, string technicianId);
}
