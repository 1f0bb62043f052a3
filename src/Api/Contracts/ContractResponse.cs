using AfterSales.Api.Hosting;
using AfterSales.Contracts;
using AfterSales.Devices;

namespace AfterSales.Api.Contracts;

/// <summary>A service contract.</summary>
public sealed record ContractResponse(
    string Id,
    string CustomerId,
    ContractTier Tier,
    ContractCoverage Coverage,
    DateOnly Start,
    DateOnly End,
    string[] DeviceSerials,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    int Version)
{
    internal static ContractResponse From(ServiceContractSnapshot contract) => new(
        contract.Id, contract.CustomerId, contract.Tier, contract.Coverage, contract.Start, contract.End,
        [.. contract.DeviceSerials.OrEmpty()], contract.CreatedAt, contract.CreatedBy, contract.Version);
}
