using AfterSales.Api.Hosting;
using AfterSales.Api.Technicians;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Staff;

namespace AfterSales.Api.Departments;

/// <summary>A department in one region: its roster, the cases waiting, and its load.</summary>
public sealed record DepartmentResponse(
    Department Department,
    string Region,
    IReadOnlyList<RosterEntryResponse> Roster,
    IReadOnlyList<QueuedCaseResponse> Queue,
    DepartmentLoadResponse Load)
{
    internal static DepartmentResponse From(DepartmentSnapshot department) => new(
        department.Department, department.Region,
        [.. department.Roster.OrEmpty().Select(RosterEntryResponse.From)],
        [.. department.Queue.OrEmpty().Select(QueuedCaseResponse.From)],
        DepartmentLoadResponse.From(department.Load));
}

/// <summary>A technician as the department sees it for routing.</summary>
/// <param name="Load">Capacity units in use.</param>
public sealed record RosterEntryResponse(
    string TechnicianId,
    int Capacity,
    int Load,
    bool OnShift,
    IReadOnlyList<TechnicianSkill> Skills,
    DateTimeOffset? LastAssignedAt)
{
    internal static RosterEntryResponse From(TechnicianStatus status) => new(
        status.TechnicianId, status.Capacity, status.Load, status.OnShift,
        [.. status.Skills.OrEmpty().Select(TechnicianSkill.From)], status.LastAssignedAt);
}

/// <summary>A case waiting for a technician.</summary>
public sealed record QueuedCaseResponse(
    string CaseNumber,
    CasePriority Priority,
    CaseType Type,
    int Weight,
    DateTimeOffset CreatedAt,
    DateTimeOffset EnqueuedAt)
{
    internal static QueuedCaseResponse From(QueuedCase queued) => new(
        queued.CaseNumber, queued.Priority, queued.Type, queued.Weight, queued.CreatedAt, queued.EnqueuedAt);
}

/// <summary>Load of the on-shift technicians.</summary>
/// <param name="Utilisation">Share of on-shift capacity in use, 0-1.</param>
public sealed record DepartmentLoadResponse(int TechniciansOnShift, int Capacity, int InUse, int Queued, double Utilisation)
{
    internal static DepartmentLoadResponse From(DepartmentLoad load) => new(
        load.TechniciansOnShift, load.Capacity, load.InUse, load.Queued, load.Utilisation);
}
