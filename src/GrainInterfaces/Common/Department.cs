using System.Text.Json.Serialization;

namespace AfterSales.Common;

/// <summary>The four after-sales departments.</summary>
[GenerateSerializer, Alias("AfterSales.Department")]
public enum Department
{
    /// <summary>The service centre: consultations, intake, complaints, surveys.</summary>
    [JsonStringEnumMemberName("customer-service")] CustomerService = 0,
    /// <summary>Fault identification, analysis and technical solutions.</summary>
    [JsonStringEnumMemberName("technical-support")] TechnicalSupport = 1,
    /// <summary>Installation and commissioning.</summary>
    [JsonStringEnumMemberName("installation")] Installation = 2,
    /// <summary>Failure handling and preventive maintenance.</summary>
    [JsonStringEnumMemberName("maintenance")] Maintenance = 3,
}

/// <summary>The URL/key spelling of departments (<c>customer-service</c>, …).</summary>
public static class DepartmentNames
{
    public static IReadOnlyList<Department> All { get; } =
        [Department.CustomerService, Department.TechnicalSupport, Department.Installation, Department.Maintenance];

    public static string ToSlug(Department department) => department switch
    {
        Department.CustomerService => "customer-service",
        Department.TechnicalSupport => "technical-support",
        Department.Installation => "installation",
        Department.Maintenance => "maintenance",
        _ => throw new ArgumentOutOfRangeException(nameof(department), department, null),
    };

    public static bool TryParse(string? slug, out Department department)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(ToSlug(candidate), slug, StringComparison.Ordinal))
            {
                department = candidate;
                return true;
            }
        }
        department = default;
        return false;
    }
}
