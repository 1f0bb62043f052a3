using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Customers;
using AfterSales.Devices;

namespace AfterSales.Sla;

/// <summary>One rule of the SLA policy: the cases it matches (a null criterion matches any case) and their targets.
/// When several rules match a case, the most specific wins (see <c>docs/SLA.md</c>).</summary>
/// <param name="Id">Unique within the policy.</param>
/// <param name="ContractTier">Matches only cases whose device's entitlement carries this contract tier.</param>
/// <param name="WarningPercent">The warning point of this rule's targets; null: the policy's.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Sla.SlaRule")]
public sealed record SlaRule(
    [property: Id(0)] string Id,
    [property: Id(1)] CasePriority? Priority,
    [property: Id(2)] CustomerTier? CustomerTier,
    [property: Id(3)] ContractTier? ContractTier,
    [property: Id(4)] CaseType? CaseType,
    [property: Id(5)] Department? Department,
    [property: Id(6)] SlaTarget FirstResponse,
    [property: Id(7)] SlaTarget NextUpdate,
    [property: Id(8)] SlaTarget Resolution,
    [property: Id(9)] int? WarningPercent = null);
