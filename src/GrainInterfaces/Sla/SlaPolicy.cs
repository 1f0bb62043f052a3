using System.Collections.Immutable;

namespace AfterSales.Sla;

/// <summary>The SLA policy: one versioned document (its version is the ETag).</summary>
/// <param name="WarningPercent">The warning point of rules that name none: the share of a target (1-99 %) after
/// which the case is in warning.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Sla.SlaPolicy")]
public sealed record SlaPolicy(
    [property: Id(0)] int Version,
    [property: Id(1)] ImmutableArray<SlaRule> Rules,
    [property: Id(2)] int WarningPercent,
    [property: Id(3)] DateTimeOffset? UpdatedAt);

/// <summary>Replaces the SLA policy (PUT).</summary>
/// <param name="ExpectedVersion">From the client's If-Match; null to skip the check.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Sla.ReplaceSlaPolicyRequest")]
public sealed record ReplaceSlaPolicyRequest(
    [property: Id(0)] ImmutableArray<SlaRule> Rules,
    [property: Id(1)] int WarningPercent,
    [property: Id(2)] int? ExpectedVersion = null);
