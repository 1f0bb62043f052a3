using System.Globalization;
using AfterSales.Common;
using AfterSales.Domain.Devices;

namespace AfterSales.Devices;

/// <summary>The service contracts covering the device, and what it is entitled to on a day.</summary>
internal sealed partial class DeviceGrain
{
    public Task<Entitlement?> GetEntitlementAsync(DateOnly on) =>
        Task.FromResult(S.Registered ? Entitlements.On(on, Warranty, S.Contracts.Values) : null);

    public async Task<Result<DeviceSnapshot>> AddContractAsync(DeviceContract contract, string actor)
    {
        if (Precheck(null) is { } refused)
        {
            return refused;
        }
        if (string.IsNullOrWhiteSpace(contract.ContractId) || !Enum.IsDefined(contract.Tier) || contract.Coverage is null)
        {
            return CommandError.Invalid("contract", "A contract needs an id, a tier (basic, standard or premium) and a coverage.");
        }
        if (contract.End < contract.Start)
        {
            return CommandError.Invalid("end", "A contract cannot end before it starts.");
        }
        var known = S.Contracts.TryGetValue(contract.ContractId, out var held);
        if (known && held == contract)
        {
            return Result.Replay(ToSnapshot());
        }
        if (!known && S.Contracts.Count >= MaxContracts)
        {
            return CommandError.Conflict($"Device {Serial} already has {MaxContracts} contracts, the most it keeps.");
        }
        S.Contracts[contract.ContractId] = contract;
        Record(time.GetUtcNow(), ActorOf(actor), known ? DeviceEventKinds.ContractChanged : DeviceEventKinds.ContractAdded, null, null,
            string.Create(CultureInfo.InvariantCulture,
                $"{Domain.CamelNames.Of(contract.Tier)} contract {contract.ContractId}, {contract.Start:yyyy-MM-dd} to {contract.End:yyyy-MM-dd}: ")
            + Entitlements.Coverage(contract.Coverage));
        await CommitAsync();
        return Result.Ok(ToSnapshot());
    }
}
