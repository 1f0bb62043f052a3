using AfterSales.Common;

namespace AfterSales.Contracts;

/// <summary>One service contract (key: its id, minted by the API, e.g. <c>SC-0193…</c>): a customer's devices covered
/// at a tier for a period. The contract registers itself on each device, which checks entitlement from it.</summary>
[Alias("AfterSales.IServiceContractGrain")]
public interface IServiceContractGrain : IGrainWithStringKey
{
    /// <summary>Creates the contract: the customer and every device must exist (404), the devices must be the customer's
    /// (422), the contract must not end before it starts (400). A replay (same request hash) registers it on its devices
    /// again and answers the stored contract.</summary>
    [Alias("Create")]
    Task<Result<ServiceContractSnapshot>> CreateAsync(CreateServiceContractRequest request);

    /// <summary>The contract, or null when it was never created.</summary>
    [Alias("Get"), ReadOnly]
    Task<ServiceContractSnapshot?> GetAsync();
}
