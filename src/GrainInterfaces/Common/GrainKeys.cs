namespace AfterSales.Common;

/// <summary>The one place compound grain keys are built, so every caller spells them the same way.</summary>
public static class GrainKeys
{
    /// <summary>Department-region grain key, e.g. <c>maintenance/east</c>.</summary>
    public static string DepartmentRegion(Department department, string region) =>
        $"{DepartmentNames.ToSlug(department)}/{region}";

    /// <summary>Key of the one routing-policy grain.</summary>
    public const string RoutingPolicy = "default";

    /// <summary>Idempotency grain key for a create route, e.g. <c>cases/4f1c…</c>.</summary>
    public static string Idempotency(string scope, string key) => $"{scope}/{key}";
}
