using Microsoft.Extensions.Logging;

namespace AfterSales.Departments;

/// <summary>Log events of the department grains.</summary>
internal static partial class DepartmentLog
{
    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "Case {CaseNumber} assigned to {TechnicianId} in {DepartmentRegion}: {Reason}")]
    public static partial void CaseAssigned(this ILogger logger, string caseNumber, string technicianId, string departmentRegion, string reason);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Case {CaseNumber} queued at position {Position} in {DepartmentRegion}: {Reason}")]
    public static partial void CaseQueued(this ILogger logger, string caseNumber, int position, string departmentRegion, string reason);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "Technician {TechnicianId} joined the roster of {DepartmentRegion}")]
    public static partial void RosterJoined(this ILogger logger, string technicianId, string departmentRegion);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "{DepartmentRegion} ignored a status of technician {TechnicianId} that belongs to {OtherDepartmentRegion}")]
    public static partial void ForeignStatusIgnored(this ILogger logger, string departmentRegion, string technicianId, string otherDepartmentRegion);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Information, Message = "Queued case {CaseNumber} in {DepartmentRegion} went to {TechnicianId}: {Reason}")]
    public static partial void QueuedCaseAssigned(this ILogger logger, string caseNumber, string departmentRegion, string technicianId, string reason);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Information, Message = "Case {CaseNumber} no longer wanted technician {TechnicianId}; released it and dropped the queue entry")]
    public static partial void QueuedCaseDeclined(this ILogger logger, string caseNumber, string technicianId);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Warning, Message = "Draining the queue of {DepartmentRegion} failed at case {CaseNumber}; retrying later")]
    public static partial void DrainFailed(this ILogger logger, Exception exception, string departmentRegion, string caseNumber);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Warning, Message = "{DepartmentRegion} could not read technician {TechnicianId}; keeping its last known status until the next reconciliation")]
    public static partial void RefreshFailed(this ILogger logger, Exception exception, string departmentRegion, string technicianId);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Information, Message = "Technician {TechnicianId} is no longer registered; removed from the roster of {DepartmentRegion}")]
    public static partial void RosterLeft(this ILogger logger, string technicianId, string departmentRegion);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Information, Message = "Case {CaseNumber} withdrawn from the queue of {DepartmentRegion}")]
    public static partial void CaseWithdrawn(this ILogger logger, string caseNumber, string departmentRegion);

    [LoggerMessage(EventId = 2014, Level = LogLevel.Information, Message = "Case {CaseNumber} returned to the queue of {DepartmentRegion} by technician {TechnicianId}")]
    public static partial void CaseReturned(this ILogger logger, string caseNumber, string departmentRegion, string technicianId);

    [LoggerMessage(EventId = 2015, Level = LogLevel.Warning, Message = "{DepartmentRegion} could not hand case {CaseNumber} back to the queue; retrying at the next review")]
    public static partial void ReturnFailed(this ILogger logger, Exception exception, string departmentRegion, string caseNumber);

    [LoggerMessage(EventId = 2016, Level = LogLevel.Information, Message = "{DepartmentRegion} dropped the optional skills of {Count} cases waiting longer than {Delay}")]
    public static partial void QueueRelaxed(this ILogger logger, string departmentRegion, int count, TimeSpan delay);

    [LoggerMessage(EventId = 2017, Level = LogLevel.Information, Message = "Case {CaseNumber} overflowed from {DepartmentRegion} to {Neighbour}: {Reason}")]
    public static partial void CaseOverflowed(this ILogger logger, string caseNumber, string departmentRegion, string neighbour, string reason);

    [LoggerMessage(EventId = 2018, Level = LogLevel.Warning, Message = "{DepartmentRegion} could not offer overflow to {Neighbour}; the cases stay queued")]
    public static partial void OverflowFailed(this ILogger logger, Exception exception, string departmentRegion, string neighbour);

    [LoggerMessage(EventId = 2019, Level = LogLevel.Warning, Message = "Reviewing the queue of {DepartmentRegion} failed; the next tick tries again")]
    public static partial void ReviewFailed(this ILogger logger, Exception exception, string departmentRegion);

    [LoggerMessage(EventId = 2020, Level = LogLevel.Warning, Message = "{DepartmentRegion} could not register its queue-review reminder; the in-memory review timer still runs")]
    public static partial void ReminderFailed(this ILogger logger, Exception exception, string departmentRegion);

    [LoggerMessage(EventId = 2021, Level = LogLevel.Debug, Message = "Case {CaseNumber} offered to {TechnicianId} in {DepartmentRegion} (reserved until claimed): {Reason}")]
    public static partial void CaseOffered(this ILogger logger, string caseNumber, string technicianId, string departmentRegion, string reason);

    [LoggerMessage(EventId = 2022, Level = LogLevel.Warning, Message = "Technician {TechnicianId} in {DepartmentRegion} has capacity {Capacity}, below the heaviest case type ({Heaviest} units): it takes such a case only while it holds nothing")]
    public static partial void CapacityBelowHeaviestCase(this ILogger logger, string technicianId, string departmentRegion, int capacity, int heaviest);

    [LoggerMessage(EventId = 2023, Level = LogLevel.Information, Message = "{DepartmentRegion} took {Count} waiting cases whose home it is now from {From}")]
    public static partial void QueueAdopted(this ILogger logger, string departmentRegion, int count, string from);

    [LoggerMessage(EventId = 2024, Level = LogLevel.Information, Message = "{DepartmentRegion} hands {Count} waiting cases to their new home shard {To}")]
    public static partial void QueueHandedOver(this ILogger logger, string departmentRegion, int count, string to);

    [LoggerMessage(EventId = 2025, Level = LogLevel.Warning, Message = "{DepartmentRegion} could not read the skills of its siblings and neighbours; no case is called unroutable until they answer")]
    public static partial void SkillsReadFailed(this ILogger logger, Exception exception, string departmentRegion);

    [LoggerMessage(EventId = 2026, Level = LogLevel.Information, Message = "{DepartmentRegion} reconciled: {Refreshed} technicians read, {Left} left, {Returned} returned cases sent again, {Dropped} stale queue entries dropped, {Retold} notices sent again")]
    public static partial void Reconciled(this ILogger logger, string departmentRegion, int refreshed, int left, int returned, int dropped, int retold);

    [LoggerMessage(EventId = 2027, Level = LogLevel.Warning, Message = "{DepartmentRegion} could not read queued case {CaseNumber}; checking it again at the next reconciliation")]
    public static partial void StandingReadFailed(this ILogger logger, Exception exception, string departmentRegion, string caseNumber);

    [LoggerMessage(EventId = 2028, Level = LogLevel.Information, Message = "Case {CaseNumber} no longer waits in {DepartmentRegion}; dropped its queue entry")]
    public static partial void StaleEntryDropped(this ILogger logger, string caseNumber, string departmentRegion);

    [LoggerMessage(EventId = 2029, Level = LogLevel.Debug, Message = "{DepartmentRegion} drain turn: {ElapsedMs:0.0} ms ({ReturnsMs:0.0} returns, {DrainMs:0.0} drain, {JudgeMs:0.0} waiting reasons); {Assigned} assigned, {Queued} queued")]
    public static partial void DrainTurn(this ILogger logger, string departmentRegion, double elapsedMs, double returnsMs, double drainMs, double judgeMs, int assigned, int queued);

    [LoggerMessage(EventId = 2030, Level = LogLevel.Debug, Message = "{DepartmentRegion} review: {ElapsedMs:0.0} ms ({RelaxMs:0.0} relaxation, {OverflowMs:0.0} overflow, {DrainMs:0.0} drain, {JudgeMs:0.0} waiting reasons); {Queued} queued")]
    public static partial void ReviewTurn(this ILogger logger, string departmentRegion, double elapsedMs, double relaxMs, double overflowMs, double drainMs, double judgeMs, int queued);

    [LoggerMessage(EventId = 2031, Level = LogLevel.Debug, Message = "{DepartmentRegion} reconciliation: {ElapsedMs:0.0} ms ({RosterMs:0.0} roster, {QueueMs:0.0} queue, {Checked} queued cases read); {Queued} queued")]
    public static partial void ReconcileTurn(this ILogger logger, string departmentRegion, double elapsedMs, double rosterMs, double queueMs, int @checked, int queued);
}
