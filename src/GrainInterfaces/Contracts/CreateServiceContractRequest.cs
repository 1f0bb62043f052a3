using System.Collections.Immutable;
using AfterSales.Devices;

namespace AfterSales.Contracts;

/// <summary>Creates a service contract covering some of a customer's devices from <see cref="Start"/> to
/// <see cref="End"/> (both inclusive).</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.CreateServiceContractRequest")]
public sealed record CreateServiceContractRequest(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] ContractTier Tier,
    [property: Id(2)] ContractCoverage Coverage,
    [property: Id(3)] DateOnly Start,
    [property: Id(4)] DateOnly End,
    [property: Id(5)] ImmutableArray<string> DeviceSerials,
    [property: Id(6)] string Actor)
{
    /// <summary>The client's Idempotency-Key, recorded with the contract.</summary>
    [Id(7)] public string? IdempotencyKey { get; init; }

    /// <summary>Hash of the request body; a second create with the same hash is a replay.</summary>
    [Id(8)] public string? RequestHash { get; init; }
}
