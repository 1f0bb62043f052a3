using AfterSales.Api.Hosting;
using AfterSales.Api.Routing;
using AfterSales.Api.Sla;
using AfterSales.Api.Technicians;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Departments;
using AfterSales.Routing;
using AfterSales.Technicians;

namespace AfterSales.Api.Departments;

/// <summary>A department in one region: the strategy it routes with, its roster, the cases waiting, and its load.</summary>
/// <param name="Strategy">From the routing policy: the department-region's own entry, else the department's for every
/// region, else the default.</param>
/// <param name="Queue">Waiting cases in the order they are served: priority, then age.</param>
/// <param name="Unroutable">Waiting cases nobody the department can reach (its roster in any presence, its other
/// shards, its overflow neighbours) has the required skills for, in queue order: a supervisor must act (skills, transfer
/// or manual assignment).</param>
/// <param name="AtRisk">Cases the department predicts to miss their next SLA target: queued ones in queue order, then
/// ones assigned but not started.</param>
public sealed record DepartmentResponse(
    Department Department,
    string Region,
    RoutingStrategy Strategy,
    IReadOnlyList<RosterEntryResponse> Roster,
    IReadOnlyList<QueuedCaseResponse> Queue,
    DepartmentLoadResponse Load,
    UnroutableResponse Unroutable,
    AtRiskResponse AtRisk)
{
    internal static DepartmentResponse From(DepartmentSnapshot department) => new(
        department.Department, department.Region, department.Strategy,
        [.. department.Roster.OrEmpty().Select(RosterEntryResponse.From)],
        [.. department.Queue.OrEmpty().Select(QueuedCaseResponse.From)],
        DepartmentLoadResponse.From(department.Load),
        new UnroutableResponse(department.Unroutable.OrEmpty().Length, department.Unroutable.OrEmpty()),
        AtRiskResponse.From(department.AtRisk.OrEmpty()));
}

/// <summary>The cases of a department predicted to breach, for supervisors.</summary>
/// <param name="CaseNumbers">In the order of <paramref name="Cases"/>.</param>
public sealed record AtRiskResponse(int Count, IReadOnlyList<string> CaseNumbers, IReadOnlyList<AtRiskCaseResponse> Cases)
{
    internal static AtRiskResponse From(IReadOnlyList<AtRiskCase> cases) => new(
        cases.Count, [.. cases.Select(c => c.CaseNumber)], [.. cases.Select(AtRiskCaseResponse.From)]);
}

/// <summary>A case predicted to breach.</summary>
/// <param name="TechnicianId">The technician holding it (assigned, not started); null while it waits in the queue.</param>
public sealed record AtRiskCaseResponse(string CaseNumber, string? TechnicianId, SlaForecastResponse Forecast)
{
    internal static AtRiskCaseResponse From(AtRiskCase atRisk) =>
        new(atRisk.CaseNumber, atRisk.TechnicianId, SlaForecastResponse.From(atRisk.Forecast)!);
}

/// <summary>The cases of a department nobody can ever take as things stand.</summary>
public sealed record UnroutableResponse(int Count, IReadOnlyList<string> CaseNumbers);

/// <summary>A technician as the department sees it for routing (pushed by the technician, so it may trail a change
/// by a few milliseconds; the technician itself is authoritative).</summary>
/// <param name="Load">Capacity units in use.</param>
/// <param name="OnShift">True when on shift or away.</param>
/// <param name="Presence"><c>onShift</c>, <c>away</c> or <c>offShift</c>.</param>
public sealed record RosterEntryResponse(
    string TechnicianId,
    int Capacity,
    int Load,
    bool OnShift,
    Presence Presence,
    IReadOnlyList<TechnicianSkill> Skills,
    DateTimeOffset? LastAssignedAt)
{
    internal static RosterEntryResponse From(TechnicianStatus status) => new(
        status.TechnicianId, status.Capacity, status.Load, status.OnShift, status.Presence,
        [.. status.Skills.OrEmpty().Select(TechnicianSkill.From)], status.LastAssignedAt);
}

/// <summary>A case waiting for a technician.</summary>
/// <param name="Waiting">Why it waits, as the department last judged it (null until judged).</param>
public sealed record QueuedCaseResponse(
    string CaseNumber,
    CasePriority Priority,
    CaseType Type,
    int Weight,
    DateTimeOffset CreatedAt,
    DateTimeOffset EnqueuedAt,
    WaitingReasonResponse? Waiting)
{
    internal static QueuedCaseResponse From(QueuedCase queued) => new(
        queued.CaseNumber, queued.Priority, queued.Type, queued.Weight, queued.CreatedAt, queued.EnqueuedAt,
        queued.Waiting is { } waiting ? WaitingReasonResponse.From(waiting) : null);
}

/// <summary>What a queue review did.</summary>
/// <param name="Relaxed">Cases whose optional skills were dropped because they waited longer than the policy's relaxation delay.</param>
/// <param name="Overflowed">Cases placed with a technician of the same department in a neighbour region.</param>
/// <param name="Assigned">Cases assigned here.</param>
/// <param name="Queued">Cases still waiting.</param>
public sealed record QueueReviewResponse(
    IReadOnlyList<string> Relaxed,
    IReadOnlyList<string> Overflowed,
    IReadOnlyList<string> Assigned,
    int Queued)
{
    internal static QueueReviewResponse From(QueueReview review) =>
        new(review.Relaxed.OrEmpty(), review.Overflowed.OrEmpty(), review.Assigned.OrEmpty(), review.Queued);
}

/// <summary>Load of the on-shift technicians.</summary>
/// <param name="Utilisation">Share of on-shift capacity in use, 0-1.</param>
public sealed record DepartmentLoadResponse(int TechniciansOnShift, int Capacity, int InUse, int Queued, double Utilisation)
{
    internal static DepartmentLoadResponse From(DepartmentLoad load) => new(
        load.TechniciansOnShift, load.Capacity, load.InUse, load.Queued, load.Utilisation);
}
