using AfterSales.Api.Complaints;
using AfterSales.Api.Hosting;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Technicians;

namespace AfterSales.Api.Technicians;

/// <summary>A technician, with the cases assigned now. <paramref name="Version"/> is also sent as the <c>ETag</c> header.</summary>
/// <param name="Capacity">Capacity units; a case uses its type's weight (routing policy).</param>
/// <param name="OnShift">True when on shift or away.</param>
/// <param name="Load">Capacity units in use.</param>
/// <param name="Version">Increases with every change (presence, skills, capacity, assignments); send it back in <c>If-Match</c>.</param>
/// <param name="Presence"><c>onShift</c>, <c>away</c> (on shift, no new work) or <c>offShift</c>.</param>
/// <param name="ShiftPattern">The weekly shift pattern; empty when presence is set by hand only.</param>
/// <param name="TimeZone">The IANA time zone of the technician's region, which the shift pattern is read in.</param>
/// <param name="PresenceHeldUntil">With a pattern: a presence set by hand holds until this instant (the pattern's next boundary).</param>
public sealed record TechnicianResponse(
    string Id,
    string Name,
    Department Department,
    string Region,
    IReadOnlyList<TechnicianSkill> Skills,
    int Capacity,
    bool OnShift,
    int Load,
    IReadOnlyList<AssignmentResponse> Assignments,
    DateTimeOffset CreatedAt,
    int Version,
    Presence Presence,
    IReadOnlyList<ShiftWindowResponse> ShiftPattern,
    string TimeZone,
    DateTimeOffset? PresenceHeldUntil)
{
    internal static TechnicianResponse From(TechnicianSnapshot technician) => new(
        technician.Id, technician.Name, technician.Department, technician.Region,
        [.. technician.Skills.OrEmpty().Select(TechnicianSkill.From)], technician.Capacity, technician.OnShift, technician.Load,
        [.. technician.Assignments.OrEmpty().Select(AssignmentResponse.From)], technician.CreatedAt, technician.Version,
        technician.Presence, [.. technician.ShiftPattern.OrEmpty().Select(ShiftWindowResponse.From)], technician.TimeZone,
        technician.PresenceHeldUntil);

    /// <summary>The complaints naming the technician (open, total, the last received); shown by
    /// <c>GET /api/technicians/{id}</c> only (null elsewhere). <c>GET /api/technicians/{id}/complaints</c> lists them.</summary>
    public ComplaintTallyResponse? Complaints { get; init; }
}

/// <summary>One line of a weekly shift pattern, in the local time of the technician's region.</summary>
/// <param name="Start">Local start, <c>HH:mm</c>.</param>
/// <param name="End">Local end, <c>HH:mm</c>; at or before the start it runs past midnight.</param>
public sealed record ShiftWindowResponse(IReadOnlyList<DayOfWeek> Days, string Start, string End)
{
    internal static ShiftWindowResponse From(ShiftWindow window) =>
        new(window.Days.OrEmpty(), ShiftWindowRequest.Format(window.Start), ShiftWindowRequest.Format(window.End));
}

/// <summary>A case a technician is working on.</summary>
/// <param name="Weight">Capacity units the case uses.</param>
/// <param name="StartedAt">When work started; a case not started yet goes back to the queue when the technician goes off shift.</param>
public sealed record AssignmentResponse(
    string CaseNumber, CaseType Type, CasePriority Priority, int Weight, DateTimeOffset AssignedAt, DateTimeOffset? StartedAt)
{
    internal static AssignmentResponse From(Assignment assignment) => new(
        assignment.CaseNumber, assignment.Type, assignment.Priority, assignment.Weight, assignment.AssignedAt, assignment.StartedAt);
}
