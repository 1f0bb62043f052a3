using AfterSales.Common;
using AfterSales.Customers;
using Microsoft.Extensions.Logging;

namespace AfterSales.Devices;

/// <summary>One installed product, owned by an existing customer.</summary>
internal sealed class DeviceGrain(
    [PersistentState("device", StorageNames.Main)] IPersistentState<DeviceState> state,
    TimeProvider time,
    ILogger<DeviceGrain> logger) : Grain, IDeviceGrain
{
    private string Serial => this.GetPrimaryKeyString();

    public async Task<Result<DeviceSnapshot>> RegisterAsync(RegisterDeviceRequest request)
    {
        var s = state.State;
        if (s.Registered)
        {
            if (request.RequestHash is null || request.RequestHash != s.RequestHash)
            {
                return CommandError.Conflict($"Device {Serial} already exists.");
            }
            // A replay repeats the owner's (idempotent) update, in case it was lost after the device was stored.
            await Owner(s.CustomerId).AddDeviceAsync(Serial);
            return Result.Replay(ToSnapshot());
        }
        if (string.IsNullOrWhiteSpace(request.Model))
        {
            return CommandError.Invalid("model", "A device needs a model.");
        }
        if (string.IsNullOrWhiteSpace(request.CustomerId))
        {
            return CommandError.Invalid("customerId", "A device needs an owning customer.");
        }
        if (request.InstalledOn is { } installed && request.WarrantyEnd is { } warranty && warranty < installed)
        {
            return CommandError.Invalid("warrantyEnd", "The warranty cannot end before the device was installed.");
        }
        if (await Owner(request.CustomerId).GetAsync() is null)
        {
            return CommandError.NotFound($"Customer {request.CustomerId} does not exist.", "customerId");
        }

        s.Registered = true;
        s.Model = request.Model.Trim();
        s.CustomerId = request.CustomerId;
        s.Site = string.IsNullOrWhiteSpace(request.Site) ? null : request.Site.Trim();
        s.InstalledOn = request.InstalledOn;
        s.WarrantyEnd = request.WarrantyEnd;
        s.Status = request.InstalledOn is null ? DeviceStatus.Shipped : DeviceStatus.InService;
        s.CreatedAt = time.GetUtcNow();
        s.IdempotencyKey = request.IdempotencyKey;
        s.RequestHash = request.RequestHash;
        s.Version = 1;
        await state.WriteOrResetAsync(this);
        logger.DeviceRegistered(Serial, s.CustomerId);

        await Owner(s.CustomerId).AddDeviceAsync(Serial);
        return Result.Ok(ToSnapshot());
    }

    public Task<DeviceSnapshot?> GetAsync() => Task.FromResult(state.State.Registered ? ToSnapshot() : null);

    // Lifecycle, warranty, contracts and history: implemented with the equipment-in-service work.
    public Task<Entitlement?> GetEntitlementAsync(DateOnly on) => throw new NotSupportedException();
    public Task<DeviceHistoryPage?> GetHistoryAsync(int afterSequence, int limit) => throw new NotSupportedException();
    public Task<Result<DeviceSnapshot>> MarkInstalledAsync(string workOrderNumber, DateTimeOffset at, string actor) => throw new NotSupportedException();
    public Task<Result<DeviceSnapshot>> CommissionAsync(CommissioningOutcome outcome) => throw new NotSupportedException();
    public Task OnCaseChangedAsync(DeviceCaseChange change) => throw new NotSupportedException();
    public Task<Result<DeviceSnapshot>> AddContractAsync(DeviceContract contract, string actor) => throw new NotSupportedException();
    public Task<Result<DeviceSnapshot>> DecommissionAsync(string reason, string actor, int? expectedVersion) => throw new NotSupportedException();

    private ICustomerGrain Owner(string customerId) => GrainFactory.GetGrain<ICustomerGrain>(customerId);

    private DeviceSnapshot ToSnapshot()
    {
        var s = state.State;
        return new DeviceSnapshot(Serial, s.Model, s.CustomerId, s.Site, s.InstalledOn, s.WarrantyEnd, s.Status, s.CreatedAt, s.Version);
    }
}
