using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Domain.Routing;

namespace AfterSales.Domain;

/// <summary>Where a new case goes: the department by case type, in the customer's own region (a problem: in the region
/// of the fault that revealed it).</summary>
internal static class Triage
{
    public static TriageResult Route(CaseType type, string customerRegion) =>
        new(DepartmentFor(type), customerRegion);

    public static Department DepartmentFor(CaseType type) => type switch
    {
        CaseType.Consultation or CaseType.Complaint => Department.CustomerService,
        CaseType.Fault or CaseType.Problem => Department.TechnicalSupport,
        CaseType.Installation => Department.Installation,
        CaseType.Maintenance => Department.Maintenance,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown case type."),
    };

    /// <summary>The default capacity units of a case type (consultation 1, complaint 2, fault 2, installation 3,
    /// maintenance 3, problem 2). Routing reads the weights of the current routing policy, which may differ.</summary>
    public static int WeightOf(CaseType type) => RoutingPolicies.WeightOf(RoutingPolicies.Default(default), type);
}

/// <summary>The department-region a case is routed to (its capacity weight comes from the routing policy).</summary>
internal sealed record TriageResult(Department Department, string Region);
