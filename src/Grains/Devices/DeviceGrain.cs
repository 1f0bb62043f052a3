using AfterSales.Common;
using AfterSales.Customers;
using AfterSales.Domain.Devices;
using AfterSales.Hosting;
using AfterSales.Maintenance;
using AfterSales.Models;
using AfterSales.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AfterSales.Devices;

/// <summary>
/// One device, owned by an existing customer, of an existing product model: its life (<see cref="DeviceLifecycle"/>),
/// warranty (<see cref="WarrantyRule"/>), service contracts and baseline, every change an event of its journal.
/// </summary>
/// <remarks>Cases await the device (they tell it of each change); the device awaits only its owner at
/// registration and reads models through the silo's cache, so no call cycle reaches it.</remarks>
internal sealed partial class DeviceGrain(
    [PersistentState("device", StorageNames.Main)] IPersistentState<DeviceState> state,
    IEventLog events,
    ProductModelCache models,
    RegionCalendars calendars,
    IOptions<EquipmentOptions> options,
    TimeProvider time,
    ILogger<DeviceGrain> logger) : Grain, IDeviceGrain
{
    internal const int MaxContracts = FieldLimits.ContractsPerDevice;
    internal const int MaxHistoryPage = 1000;
    private const string SystemActor = "system";

    private string Serial => field ??= this.GetPrimaryKeyString();

    private DeviceState S => state.State;

    public async Task<Result<DeviceSnapshot>> RegisterAsync(RegisterDeviceRequest request)
    {
        if (S.Registered)
        {
            if (request.RequestHash is null || request.RequestHash != S.RequestHash)
            {
                return CommandError.Conflict($"Device {Serial} already exists.");
            }
            // A replay repeats the owner's and the model index's (idempotent) updates, in case they were lost after
            // the device was stored.
            await Owner(S.CustomerId).AddDeviceAsync(Serial);
            await FollowModelAsync();
            return Result.Replay(ToSnapshot());
        }
        if (ValidateRegistration(request) is { } invalid)
        {
            return invalid;
        }
        if (await Owner(request.CustomerId).GetAsync() is not { } owner)
        {
            return CommandError.NotFound($"Customer {request.CustomerId} does not exist.", "customerId");
        }
        var model = await models.GetAsync(request.Model.Trim());
        if (model is null)
        {
            return UnknownModel(request.Model);
        }

        var maintenance = Enrol(request, model, owner.Region);
        await CommitAsync();
        logger.DeviceRegistered(Serial, S.CustomerId);

        await Owner(S.CustomerId).AddDeviceAsync(Serial);
        await HandOverAsync(maintenance);
        await FollowModelAsync();
        return Result.Ok(ToSnapshot());
    }

    public Task<DeviceSnapshot?> GetAsync() => Task.FromResult(S.Registered ? ToSnapshot() : null);

    /// <summary>Takes the registration into the state (not yet written) and answers the plans' first occurrences, to hand
    /// to the scheduler after the write.</summary>
    private List<(MaintenanceDue? Old, MaintenanceDue? New)> Enrol(RegisterDeviceRequest request, ProductModel model, string? region)
    {
        var now = time.GetUtcNow();
        S.Registered = true;
        S.Model = model.Code;
        S.CustomerId = request.CustomerId;
        S.Region = region;
        S.ModelPlansVersion = model.PlansVersion;
        S.Site = string.IsNullOrWhiteSpace(request.Site) ? null : request.Site.Trim();
        S.InstalledOn = request.InstalledOn;
        // A device registered as installed was commissioned before it was registered: its warranty runs from then.
        S.AcceptedOn = request.InstalledOn;
        S.WarrantyEnd = request.WarrantyEnd;
        S.ShippedOn = request.ShippedOn;
        S.ShipmentId = string.IsNullOrWhiteSpace(request.ShipmentId) ? null : request.ShipmentId.Trim();
        S.WarrantyMonths = model.WarrantyMonths;
        S.Status = request.InstalledOn is null ? DeviceStatus.Shipped : DeviceStatus.InService;
        S.CreatedAt = now;
        S.IdempotencyKey = request.IdempotencyKey;
        S.RequestHash = request.RequestHash;
        Record(now, ActorOf(request.Actor), DeviceEventKinds.Registered, null, S.Status,
            $"model {S.Model}, owner {S.CustomerId}" + (S.ShipmentId is { } shipment ? $", shipment {shipment}" : ""));
        return TakesMaintenance ? PlanAhead(model, now) : [];
    }

    private static CommandError UnknownModel(string code) =>
        CommandError.NotFound($"No product model has the code '{code.Trim()}'; define it first (PUT /api/models/{{code}}).", "model");

    private static CommandError? ValidateRegistration(RegisterDeviceRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Model))
        {
            return CommandError.Invalid("model", "A device needs a model.");
        }
        if (string.IsNullOrWhiteSpace(request.CustomerId))
        {
            return CommandError.Invalid("customerId", "A device needs an owning customer.");
        }
        if (request.InstalledOn is { } installed && request.ShippedOn is { } shipped && installed < shipped)
        {
            return CommandError.Invalid("installedOn", "A device cannot be installed before it shipped.");
        }
        if (request.WarrantyEnd is { } warranty && (request.InstalledOn ?? request.ShippedOn) is { } from && warranty < from)
        {
            return CommandError.Invalid("warrantyEnd", request.InstalledOn is not null
                ? "The warranty cannot end before the device was installed."
                : "The warranty cannot end before the device shipped.");
        }
        if (request.ShipmentId is { Length: > FieldLimits.Identifier })
        {
            return CommandError.Invalid("shipmentId", $"A shipment id has at most {FieldLimits.Identifier} characters.");
        }
        return null;
    }

    private async Task CommitAsync()
    {
        S.Version++;
        StampServiceEnd();
        await state.WriteOrResetAsync(this);
        await ReportServiceAsync();
    }

    private ICustomerGrain Owner(string customerId) => GrainFactory.GetGrain<ICustomerGrain>(customerId);

    private static string ActorOf(string? actor) => string.IsNullOrWhiteSpace(actor) ? SystemActor : actor.Trim();

    private WarrantyTerm? Warranty => WarrantyRule.Of(
        S.WarrantyEnd, S.AcceptedOn, S.ShippedOn, DateOnly.FromDateTime(S.CreatedAt.UtcDateTime), S.WarrantyMonths,
        (int)options.Value.WarrantyStartGrace.TotalDays);

    private DeviceSnapshot ToSnapshot()
    {
        var warranty = Warranty;
        var maintenance = OpenMaintenanceOrders(time.GetUtcNow());
        return new DeviceSnapshot(Serial, S.Model, S.CustomerId, S.Site, S.InstalledOn, warranty?.End ?? S.WarrantyEnd, S.Status, S.CreatedAt, S.Version)
        {
            ShippedOn = S.ShippedOn,
            ShipmentId = S.ShipmentId,
            Warranty = warranty,
            Contracts = [.. S.Contracts.Values.OrderBy(c => c.Start).ThenBy(c => c.ContractId, StringComparer.Ordinal)],
            Baseline = [.. S.Baseline],
            OpenCases = [.. S.OpenCases.Keys.Order(StringComparer.Ordinal)],
            CommissionedAt = S.CommissionedAt,
            CommissionedBy = S.CommissionedBy,
            MaintenanceOrders = maintenance,
            MaintenanceOverdue = maintenance.Any(o => o.Overdue),
            Meters = MeterValues(),
            Conditions = Episodes(),
        };
    }
}
