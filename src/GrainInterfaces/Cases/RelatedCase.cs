namespace AfterSales.Cases;

/// <summary>Another case this one is related to, and how (see <see cref="CaseRelations"/>).</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.RelatedCase")]
public sealed record RelatedCase(
    [property: Id(0)] string Number,
    [property: Id(1)] string Relation);

/// <summary>Relates a case to another one (idempotent: the same link twice is recorded once).</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.RelateCaseRequest")]
public sealed record RelateCaseRequest(
    [property: Id(0)] RelatedCase Related,
    [property: Id(1)] string Actor);

/// <summary>The relations between cases. Consumers match on these; a relation, once published, keeps its meaning.</summary>
public static class CaseRelations
{
    /// <summary>On an installation work order: the fault case its failed commissioning opened.</summary>
    public const string CommissioningFault = "commissioningFault";

    /// <summary>On a fault case: the installation work order whose commissioning failed.</summary>
    public const string InstallationWorkOrder = "installationWorkOrder";
}
