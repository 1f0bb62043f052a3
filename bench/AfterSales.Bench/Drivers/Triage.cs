using AfterSales.Cases;
using AfterSales.Common;

namespace AfterSales.Bench.Drivers;

/// <summary>Which department a case type goes to (the foundation issue's triage table), for the decision-only
/// routing run that bypasses the case grain.</summary>
internal static class Triage
{
    public static Department DepartmentOf(CaseType type) => type switch
    {
        CaseType.Consultation or CaseType.Complaint => Department.CustomerService,
        CaseType.Fault => Department.TechnicalSupport,
        CaseType.Installation => Department.Installation,
        CaseType.Maintenance => Department.Maintenance,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
