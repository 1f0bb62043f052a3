using AfterSales.Api.Hosting;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Staff;

namespace AfterSales.Api.Technicians;

/// <summary>A technician, with the cases assigned now.</summary>
/// <param name="Load">Capacity units in use.</param>
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
    int Version)
{
    internal static TechnicianResponse From(TechnicianSnapshot technician) => new(
        technician.Id, technician.Name, technician.Department, technician.Region,
        [.. technician.Skills.OrEmpty().Select(TechnicianSkill.From)], technician.Capacity, technician.OnShift, technician.Load,
        [.. technician.Assignments.OrEmpty().Select(AssignmentResponse.From)], technician.CreatedAt, technician.Version);
}

/// <summary>A case a technician is working on.</summary>
/// <param name="Weight">Capacity units the case uses.</param>
public sealed record AssignmentResponse(string CaseNumber, CaseType Type, CasePriority Priority, int Weight, DateTimeOffset AssignedAt)
{
    internal static AssignmentResponse From(Assignment assignment) => new(
        assignment.CaseNumber, assignment.Type, assignment.Priority, assignment.Weight, assignment.AssignedAt);
}
