namespace AfterSales.Devices;

/// <summary>What a device is entitled to on a given day, recorded on a case when it opens. An uncovered device is
/// flagged (<see cref="Covered"/> false), never refused.</summary>
/// <param name="InWarranty">True when the day lies within the device's warranty.</param>
/// <param name="WarrantyEnd">The warranty's last day, when the device has one.</param>
/// <param name="ContractId">The contract in force that day with the highest tier, when there is one.</param>
/// <param name="Tier">That contract's tier.</param>
/// <param name="Coverage">That contract's coverage.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Entitlement")]
public sealed record Entitlement(
    [property: Id(0)] DateOnly CheckedOn,
    [property: Id(1)] bool InWarranty,
    [property: Id(2)] DateOnly? WarrantyEnd,
    [property: Id(3)] string? ContractId,
    [property: Id(4)] ContractTier? Tier,
    [property: Id(5)] ContractCoverage? Coverage)
{
    /// <summary>In warranty or under a contract.</summary>
    public bool Covered => InWarranty || ContractId is not null;
}
