using AfterSales.Devices;

namespace AfterSales.Api.Cases;

/// <summary>What a case's device was entitled to on the day the case opened. An uncovered device is flagged
/// (<paramref name="Covered"/> false), never refused.</summary>
/// <param name="CheckedOn">The day checked: the day the case opened (UTC).</param>
/// <param name="Covered">In warranty or under a contract that day.</param>
/// <param name="InWarranty">The day lay within the device's warranty.</param>
/// <param name="WarrantyEnd">The warranty's last day, when the device has one (also when it has ended).</param>
/// <param name="ContractId">The contract in force that day with the highest tier, if any.</param>
/// <param name="Tier">That contract's tier: what the service-level targets key on.</param>
/// <param name="Coverage">What that contract covers.</param>
public sealed record EntitlementResponse(
    DateOnly CheckedOn,
    bool Covered,
    bool InWarranty,
    DateOnly? WarrantyEnd,
    string? ContractId,
    ContractTier? Tier,
    ContractCoverage? Coverage)
{
    internal static EntitlementResponse? From(Entitlement? entitlement) => entitlement is null
        ? null
        : new(entitlement.CheckedOn, entitlement.Covered, entitlement.InWarranty, entitlement.WarrantyEnd, entitlement.ContractId,
            entitlement.Tier, entitlement.Coverage);
}
