using AfterSales.Devices;

namespace AfterSales.Contracts;

/// <summary>Durable state of <see cref="ServiceContractGrain"/>.</summary>
[GenerateSerializer, Alias("AfterSales.Grains.ServiceContractState")]
internal sealed class ServiceContractState
{
    [Id(0)] public bool Created { get; set; }
    [Id(1)] public string CustomerId { get; set; } = "";
    [Id(2)] public ContractTier Tier { get; set; }
    [Id(3)] public ContractCoverage Coverage { get; set; } = new(false, false, false);
    [Id(4)] public DateOnly Start { get; set; }
    [Id(5)] public DateOnly End { get; set; }
    [Id(6)] public List<string> DeviceSerials { get; set; } = [];
    [Id(7)] public DateTimeOffset CreatedAt { get; set; }
    [Id(8)] public string CreatedBy { get; set; } = "";
    [Id(9)] public int Version { get; set; }
    [Id(10)] public string? IdempotencyKey { get; set; }
    [Id(11)] public string? RequestHash { get; set; }
}
