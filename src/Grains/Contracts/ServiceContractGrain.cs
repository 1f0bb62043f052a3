using System.Globalization;
using AfterSales.Common;
using AfterSales.Customers;
using AfterSales.Devices;
using AfterSales.Domain.Contracts;
using Microsoft.Extensions.Logging;

namespace AfterSales.Contracts;

/// <summary>
/// One service contract. It is stored first, then registered on each of its devices (idempotent per contract id); a
/// failure in between leaves devices without it until a replay of the create (same Idempotency-Key) registers it again.
/// It awaits the customer and the devices, which await nothing for it, so no call cycle reaches it.
/// </summary>
internal sealed class ServiceContractGrain(
    [PersistentState("serviceContract", StorageNames.Main)] IPersistentState<ServiceContractState> state,
    TimeProvider time,
    ILogger<ServiceContractGrain> logger) : Grain, IServiceContractGrain
{
    private string Id => field ??= this.GetPrimaryKeyString();

    private ServiceContractState S => state.State;

    public async Task<Result<ServiceContractSnapshot>> CreateAsync(CreateServiceContractRequest request)
    {
        if (S.Created)
        {
            if (request.RequestHash is null || request.RequestHash != S.RequestHash)
            {
                return CommandError.Conflict($"Contract {Id} already exists.");
            }
            await RegisterOnDevicesAsync();
            return Result.Replay(ToSnapshot());
        }
        if (ServiceContractValidator.Validate(request).FirstOrDefault() is { } invalid)
        {
            return CommandError.Invalid(invalid.Field, invalid.Message);
        }
        if (await GrainFactory.GetGrain<ICustomerGrain>(request.CustomerId).GetAsync() is null)
        {
            return CommandError.NotFound($"Customer {request.CustomerId} does not exist.", "customerId");
        }
        for (var i = 0; i < request.DeviceSerials.Length; i++)
        {
            if (await CheckDeviceAsync(request.DeviceSerials[i], request.CustomerId, i) is { } refused)
            {
                return refused;
            }
        }

        S.Created = true;
        S.CustomerId = request.CustomerId;
        S.Tier = request.Tier;
        S.Coverage = request.Coverage;
        S.Start = request.Start;
        S.End = request.End;
        S.DeviceSerials = [.. request.DeviceSerials];
        S.CreatedAt = time.GetUtcNow();
        S.CreatedBy = string.IsNullOrWhiteSpace(request.Actor) ? "system" : request.Actor.Trim();
        S.IdempotencyKey = request.IdempotencyKey;
        S.RequestHash = request.RequestHash;
        S.Version = 1;
        await state.WriteOrResetAsync(this);
        logger.ContractCreated(Id, S.CustomerId, S.Tier, S.DeviceSerials.Count);

        await RegisterOnDevicesAsync();
        return Result.Ok(ToSnapshot());
    }

    public Task<ServiceContractSnapshot?> GetAsync() => Task.FromResult(S.Created ? ToSnapshot() : null);

    private async Task<CommandError?> CheckDeviceAsync(string serial, string customerId, int index)
    {
        var field = string.Create(CultureInfo.InvariantCulture, $"deviceSerials[{index}]");
        var device = await GrainFactory.GetGrain<IDeviceGrain>(serial).GetAsync();
        if (device is null)
        {
            return CommandError.NotFound($"Device {serial} does not exist.", field);
        }
        if (device.CustomerId != customerId)
        {
            return CommandError.Unprocessable(field, $"Device {serial} belongs to another customer; a contract covers its own customer's devices only.");
        }
        if (device.Status == DeviceStatus.Decommissioned)
        {
            return CommandError.Unprocessable(field, $"Device {serial} is decommissioned.");
        }
        if (device.Contracts.Length >= FieldLimits.ContractsPerDevice)
        {
            return CommandError.Conflict($"Device {serial} already has {FieldLimits.ContractsPerDevice} contracts, the most it keeps.");
        }
        return null;
    }

    private async Task RegisterOnDevicesAsync()
    {
        var contract = ToSnapshot().ForDevice();
        foreach (var serial in S.DeviceSerials)
        {
            var result = await GrainFactory.GetGrain<IDeviceGrain>(serial).AddContractAsync(contract, S.CreatedBy);
            if (result.Error is { } error)
            {
                // Checked before the contract was stored: only a device that filled up meanwhile refuses.
                logger.DeviceRefusedContract(Id, serial, error.Message);
            }
        }
    }

    private ServiceContractSnapshot ToSnapshot() =>
        new(Id, S.CustomerId, S.Tier, S.Coverage, S.Start, S.End, [.. S.DeviceSerials], S.CreatedAt, S.CreatedBy, S.Version);
}
