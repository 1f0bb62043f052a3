using AfterSales.Technicians;

namespace AfterSales.Departments;

/// <summary>A technician refused a case's claim: passed back to the department with the next
/// <see cref="IDepartmentGrain.DecideAsync"/>, which clears the reservation, takes the technician's status into its
/// view and does not offer that technician again for this case.</summary>
/// <param name="Status">The technician's status from its reply (the truth at the refusal).</param>
[GenerateSerializer, Immutable, Alias("AfterSales.ClaimRefusal")]
public sealed record ClaimRefusal(
    [property: Id(0)] string TechnicianId,
    [property: Id(1)] string Reason,
    [property: Id(2)] TechnicianStatus Status);
