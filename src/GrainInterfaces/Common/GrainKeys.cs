using System.Globalization;

namespace AfterSales.Common;

/// <summary>The one place compound grain keys are built, so every caller spells them the same way.</summary>
public static class GrainKeys
{
    /// <summary>Department-region grain key, e.g. <c>maintenance/east</c>.</summary>
    public static string DepartmentRegion(Department department, string region) =>
        $"{DepartmentNames.ToSlug(department)}/{region}";

    /// <summary>Problem-detection grain key of a model and fault code, e.g. <c>HX-200/E42</c> (neither contains a slash).</summary>
    public static string FaultCluster(string model, string faultCode) => $"{model}/{faultCode}";

    /// <summary>Key of the list of open problems.</summary>
    public const string OpenProblems = "open";

    /// <summary>Key of the one routing-policy grain.</summary>
    public const string RoutingPolicy = "default";

    /// <summary>Key of the one SLA-policy grain.</summary>
    public const string SlaPolicy = "default";

    /// <summary>Idempotency grain key for a create route, e.g. <c>cases/4f1c…</c>.</summary>
    public static string Idempotency(string scope, string key) => $"{scope}/{key}";

    /// <summary>Key of the expiry list of one window and partition, e.g. <c>20260502T140000Z/3</c>.</summary>
    public static string IdempotencyExpiry(DateTimeOffset windowEnd, int partition) =>
        string.Create(CultureInfo.InvariantCulture, $"{windowEnd.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}/{partition}");

    /// <summary>Key of a sealed page of an expiry list, e.g. <c>20260502T140000Z/3/0</c>.</summary>
    public static string IdempotencyExpiryPage(string expiryKey, int page) =>
        string.Create(CultureInfo.InvariantCulture, $"{expiryKey}/{page}");

    /// <summary>Key of the complaint list of a customer, case or technician, e.g. <c>technician/T-7</c>.</summary>
    public static string ComplaintIndex(Complaints.ComplaintSubject subject, string id) => subject switch
    {
        Complaints.ComplaintSubject.Customer => $"customer/{id}",
        Complaints.ComplaintSubject.Case => $"case/{id}",
        Complaints.ComplaintSubject.Technician => $"technician/{id}",
        _ => throw new ArgumentOutOfRangeException(nameof(subject), subject, "Not a complaint subject."),
    };
}
