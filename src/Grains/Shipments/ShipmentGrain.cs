using System.Globalization;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Customers;
using AfterSales.Devices;
using AfterSales.Domain.Installation;
using AfterSales.Installation;
using AfterSales.Models;
using Microsoft.Extensions.Logging;

namespace AfterSales.Shipments;

/// <summary>One shipment: registers its devices as shipped and opens an installation work order per device when an
/// installation window was agreed.</summary>
/// <remarks>Everything that can refuse the shipment (customer, models, serials) is checked before anything is
/// written. Then the plan — the devices and the case numbers reserved for their work orders — is stored with a
/// reminder, and the steps follow. Each step is idempotent (a device registration and a case open carry a replay
/// token per shipment and serial), so a replay of the request, or the reminder within a minute, completes a shipment
/// that was cut off; until then it reads as <see cref="ShipmentStatus.Processing"/>. The shipment awaits customers,
/// models, devices and cases, none of which calls shipments.</remarks>
internal sealed class ShipmentGrain(
    [PersistentState("shipment", StorageNames.Main)] IPersistentState<ShipmentState> state,
    ProductModelCache models,
    TimeProvider time,
    ILogger<ShipmentGrain> logger) : Grain, IShipmentGrain, IRemindable
{
    private const string CompletionReminder = "shipment-completion";

    private string Id => field ??= this.GetPrimaryKeyString();

    private ShipmentState S => state.State;

    public async Task<Result<ShipmentSnapshot>> ShipAsync(ShipRequest request)
    {
        if (S.Accepted)
        {
            if (request.RequestHash is null || request.RequestHash != S.RequestHash)
            {
                return new CommandError(ErrorKind.Conflict, $"Shipment {Id} already exists with other content.", "id");
            }
            await CompleteAsync();
            return Answer(replay: true);
        }
        if (ShipmentRules.Validate(request) is { } invalid)
        {
            return invalid;
        }
        if (await CheckReferencesAsync(request) is { } refused)
        {
            return refused;
        }

        var numbers = GrainFactory.GetGrain<ICaseNumberGrain>(0);
        var lines = new List<ShipmentLine>(request.Devices.Length);
        foreach (var device in request.Devices)
        {
            var workOrder = request.Window is null ? null : await numbers.NextAsync();
            lines.Add(new ShipmentLine(device.Serial, device.Model.Trim(), workOrder, Registered: false, WorkOrderOpened: false));
        }
        // The reminder first: once the plan is stored, something always comes back to finish it.
        await this.KeepAsync(CompletionReminder);
        S.Accepted = true;
        S.CustomerId = request.CustomerId;
        S.Site = string.IsNullOrWhiteSpace(request.Site) ? null : request.Site.Trim();
        S.ShippedOn = request.ShippedOn;
        S.Window = request.Window;
        S.Lines = lines;
        S.Status = ShipmentStatus.Processing;
        S.CreatedAt = time.GetUtcNow();
        S.Actor = string.IsNullOrWhiteSpace(request.Actor) ? "anonymous" : request.Actor.Trim();
        S.IdempotencyKey = request.IdempotencyKey;
        S.RequestHash = request.RequestHash;
        await state.WriteOrResetAsync(this);
        logger.ShipmentAccepted(Id, lines.Count);

        await CompleteAsync();
        return Answer(replay: false);
    }

    public Task<ShipmentSnapshot?> GetAsync() => Task.FromResult(S.Accepted ? ToSnapshot() : null);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != CompletionReminder)
        {
            return;
        }
        if (!S.Accepted || S.Status == ShipmentStatus.Completed)
        {
            // Done, or the plan was never stored (its write failed after the reminder was registered).
            await this.DropAsync(CompletionReminder);
            return;
        }
        try
        {
            await CompleteAsync();
        }
        catch (Exception exception)
        {
            logger.CompletionFailed(exception, Id);
        }
    }

    /// <summary>The customer must exist, every model be in the catalogue and no serial be registered yet; the reads run
    /// side by side (nothing is written until they all answered).</summary>
    private async Task<CommandError?> CheckReferencesAsync(ShipRequest request)
    {
        var customer = GrainFactory.GetGrain<ICustomerGrain>(request.CustomerId).GetAsync();
        var known = request.Devices.Select(d => d.Model.Trim()).Distinct(StringComparer.Ordinal)
            .ToDictionary(model => model, model => models.GetAsync(model).AsTask(), StringComparer.Ordinal);
        var devices = request.Devices.Select(d => GrainFactory.GetGrain<IDeviceGrain>(d.Serial).GetAsync()).ToArray();
        await Task.WhenAll([customer, .. known.Values, .. devices]);

        if (await customer is null)
        {
            return CommandError.NotFound($"Customer {request.CustomerId} does not exist.", "customerId");
        }
        for (var i = 0; i < request.Devices.Length; i++)
        {
            var model = request.Devices[i].Model.Trim();
            if (await known[model] is null)
            {
                return CommandError.NotFound($"No product model '{model}' is in the catalogue.", $"devices[{i}].model");
            }
        }
        for (var i = 0; i < request.Devices.Length; i++)
        {
            if (await devices[i] is not null)
            {
                return new CommandError(ErrorKind.Conflict, $"Device {request.Devices[i].Serial} is already registered.", $"devices[{i}].serial");
            }
        }
        return null;
    }

    /// <summary>Carries out the steps still open, in order, and stores the result once. A refusal is recorded on its
    /// line (and stops that device's later steps); an exception leaves the shipment processing for a retry.</summary>
    private async Task CompleteAsync()
    {
        if (!S.Accepted || S.Status == ShipmentStatus.Completed)
        {
            return;
        }
        for (var i = 0; i < S.Lines.Count; i++)
        {
            S.Lines[i] = await CompleteLineAsync(S.Lines[i]);
        }
        S.Status = ShipmentStatus.Completed;
        S.CompletedAt = time.GetUtcNow();
        await state.WriteOrResetAsync(this);
        logger.ShipmentCompleted(Id);
        await this.DropAsync(CompletionReminder);
    }

    private async Task<ShipmentLine> CompleteLineAsync(ShipmentLine line)
    {
        if (line.Problem is not null)
        {
            return line;
        }
        var token = ShipmentRules.StepToken(Id, line.Serial);
        if (!line.Registered)
        {
            var registered = await GrainFactory.GetGrain<IDeviceGrain>(line.Serial).RegisterAsync(
                new RegisterDeviceRequest(line.Model, S.CustomerId, S.Site, null, null)
                {
                    ShippedOn = S.ShippedOn,
                    ShipmentId = Id,
                    Actor = S.Actor,
                    RequestHash = token,
                });
            if (registered.Error is { } error)
            {
                logger.DeviceRefused(Id, line.Serial, error.Message);
                return line with { Problem = $"Registration refused: {error.Message}" };
            }
            line = line with { Registered = true };
        }
        if (line.WorkOrderNumber is { } number && !line.WorkOrderOpened)
        {
            var opened = await GrainFactory.GetGrain<ICaseGrain>(number).OpenAsync(WorkOrder(line, token));
            if (opened.Error is { } error)
            {
                logger.DeviceRefused(Id, line.Serial, error.Message);
                return line with { Problem = $"Work order refused: {error.Message}" };
            }
            line = line with { WorkOrderOpened = true };
        }
        return line;
    }

    private OpenCaseRequest WorkOrder(ShipmentLine line, string token)
    {
        var window = S.Window!;
        var description = string.Create(CultureInfo.InvariantCulture,
            $"Install and commission {line.Model} {line.Serial}, shipped on {S.ShippedOn:yyyy-MM-dd} with shipment {Id}"
            + $"{(S.Site is null ? "" : " to " + S.Site)}. Window agreed with the customer: {window.Start:yyyy-MM-dd HH:mm zzz} to {window.End:yyyy-MM-dd HH:mm zzz}.");
        return new OpenCaseRequest(S.CustomerId, CaseType.Installation, CasePriority.Normal, CaseChannel.System,
            $"Install {line.Model} {line.Serial}", description, line.Serial, S.Actor)
        {
            InstallationWindow = window,
            ShipmentId = Id,
            RequestHash = token,
        };
    }

    /// <summary>The shipment; refused with 409 when a device's step was refused, so a partial shipment never reads as success.</summary>
    private Result<ShipmentSnapshot> Answer(bool replay)
    {
        if (S.Lines.FindIndex(line => line.Problem is not null) is var index and >= 0)
        {
            return new CommandError(ErrorKind.Conflict,
                $"Shipment {Id} is recorded, but device {S.Lines[index].Serial} was refused: {S.Lines[index].Problem}", $"devices[{index}].serial");
        }
        return replay ? Result.Replay(ToSnapshot()) : Result.Ok(ToSnapshot());
    }

    private ShipmentSnapshot ToSnapshot() =>
        new(Id, S.CustomerId, S.Site, S.ShippedOn, S.Window, [.. S.Lines], S.Status, S.CreatedAt, S.CompletedAt);
}
