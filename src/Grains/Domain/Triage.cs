using AfterSales.Cases;
using AfterSales.Common;

namespace AfterSales.Domain;

/// <summary>Where a new case goes: the department by case type, in the customer's own region.</summary>
internal static class Triage
{
    public static TriageResult Route(CaseType type, string customerRegion) =>
        new(DepartmentFor(type), customerRegion, WeightOf(type));

    public static Department DepartmentFor(CaseType type) => type switch
    {
        CaseType.Consultation or CaseType.Complaint => Department.CustomerService,
        CaseType.Fault => Department.TechnicalSupport,
        CaseType.Installation => Department.Installation,
        CaseType.Maintenance => Department.Maintenance,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown case type."),
    };

    /// <summary>Capacity units a case of this type uses while assigned. Every type weighs 1 for now; the
    /// capacity model gives them distinct weights later, so callers already ask per type.</summary>
    public static int WeightOf(CaseType type) => type switch
    {
        CaseType.Consultation or CaseType.Complaint or CaseType.Fault or CaseType.Installation or CaseType.Maintenance => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown case type."),
    };
}

/// <summary>The department-region a case is routed to and the capacity it takes.</summary>
internal sealed record TriageResult(Department Department, string Region, int Weight);
