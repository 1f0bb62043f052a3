namespace AfterSales.Api.Hosting;

/// <summary>Mints ids for resources created without a client-chosen one: a prefix and a version-7 GUID, so ids
/// sort by creation time and never collide (<c>C-0197f3c2…</c>).</summary>
internal static class ResourceIds
{
    public const string CustomerPrefix = "C-";
    public const string TechnicianPrefix = "T-";

    public static string New(string prefix) => prefix + Guid.CreateVersion7().ToString("N");
}
