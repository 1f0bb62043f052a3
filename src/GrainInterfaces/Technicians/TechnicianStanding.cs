using AfterSales.Departments;

namespace AfterSales.Technicians;

/// <summary>What a department reconciling its roster reads from a technician: its routing status, and the cases it
/// last returned going off shift that it has not taken back since (the department sends them to the queue again if
/// the one-way <see cref="IDepartmentGrain.CasesReturnedAsync"/> was lost; each case accepts a return once).</summary>
/// <param name="Status">Null when the technician is not registered.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.TechnicianStanding")]
public sealed record TechnicianStanding(
    [property: Id(0)] TechnicianStatus? Status,
    [property: Id(1)] ReturnedCases? LastReturned);
