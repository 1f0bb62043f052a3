namespace AfterSales.Devices;

/// <summary>A service contract as the device keeps it, for its entitlement check.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.DeviceContract")]
public sealed record DeviceContract(
    [property: Id(0)] string ContractId,
    [property: Id(1)] ContractTier Tier,
    [property: Id(2)] ContractCoverage Coverage,
    [property: Id(3)] DateOnly Start,
    [property: Id(4)] DateOnly End);

/// <summary>Service contract tiers; service-level targets key on them. Stored: never renumber.</summary>
[GenerateSerializer, Alias("AfterSales.ContractTier")]
public enum ContractTier
{
    Basic = 0,
    Standard = 1,
    Premium = 2,
}

/// <summary>What a contract covers.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.ContractCoverage")]
public sealed record ContractCoverage(
    [property: Id(0)] bool Parts,
    [property: Id(1)] bool Labour,
    [property: Id(2)] bool OnSite);
