using System.Collections.Immutable;
using AfterSales.Devices;

namespace AfterSales.Contracts;

/// <summary>A service contract as seen from outside its grain.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.ServiceContractSnapshot")]
public sealed record ServiceContractSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] string CustomerId,
    [property: Id(2)] ContractTier Tier,
    [property: Id(3)] ContractCoverage Coverage,
    [property: Id(4)] DateOnly Start,
    [property: Id(5)] DateOnly End,
    [property: Id(6)] ImmutableArray<string> DeviceSerials,
    [property: Id(7)] DateTimeOffset CreatedAt,
    [property: Id(8)] string CreatedBy,
    [property: Id(9)] int Version)
{
    /// <summary>The contract as each of its devices keeps it.</summary>
    public DeviceContract ForDevice() => new(Id, Tier, Coverage, Start, End);
}
