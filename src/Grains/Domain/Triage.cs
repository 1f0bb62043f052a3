using AfterSales.Cases;
using AfterSales.Common;

namespace AfterSales.Domain;

/// <summary>Where a new case goes: the department by case type, in the customer's own region.</summary>
internal static class Triage
{
    public static TriageResult Route(CaseType type, string customerRegion) =>
        new(DepartmentFor(type), customerRegion);

    public static Department DepartmentFor(CaseType type) => type switch
    {
        CaseType.Consultation or CaseType.Complaint => Department.CustomerService,
        CaseType.Fault => Department.TechnicalSupport,
        CaseType.Installation => Department.Installation,
        CaseType.Maintenance => Department.Maintenance,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown case type."),
    };
}

/// <summary>The department-region a case is routed to (its capacity weight comes from the routing policy).</summary>
internal sealed record TriageResult(Department Department, string Region);
