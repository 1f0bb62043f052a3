using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Customers;
using AfterSales.Devices;

namespace AfterSales.Domain.Sla;

/// <summary>What SLA rules match on: the case's priority, its customer's tier, the contract tier of its device's
/// entitlement (null without a contract), its type and its department.</summary>
internal sealed record SlaCase(
    CasePriority Priority,
    CustomerTier CustomerTier,
    ContractTier? ContractTier,
    CaseType Type,
    Department Department);
