namespace AfterSales.Cases;

/// <summary>A department tells a queued case which technician took it.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.DepartmentAssignment")]
public sealed record DepartmentAssignment(
    [property: Id(0)] string TechnicianId,
    [property: Id(1)] string Reason);
