using System.Collections.Immutable;
using AfterSales.Common;
using AfterSales.Maintenance;

namespace AfterSales.Devices;

/// <summary>The device's part of a fleet import: the registration alone (its own write, and its place in its model's
/// index), with what others must hear — owner, scheduler, reliability shard — answered to the import, which tells them
/// in bulk.</summary>
/// <remarks>The device deactivates once the call is done: an import touches each device once, and a million devices
/// kept active until the collection age (15 minutes by default) would hold gigabytes. A device in use meanwhile (a
/// reading, a case) is activated again by its next call, at the cost of one read.</remarks>
internal sealed partial class DeviceGrain : IDeviceImportGrain
{
    public async Task<DeviceImportResult> ImportAsync(RegisterDeviceRequest request, string? ownerRegion)
    {
        DeactivateOnIdle();
        if (S.Registered)
        {
            if (request.RequestHash is null || request.RequestHash != S.RequestHash)
            {
                return new DeviceImportResult(DeviceImportStatus.Refused, CommandError.Conflict(
                    $"Device {Serial} is already registered otherwise (model {S.Model}, owner {S.CustomerId})."));
            }
            // As a replay of a registration: repeat the model index's (idempotent) join, in case it was lost.
            await FollowModelAsync();
            return Imported(DeviceImportStatus.Unchanged);
        }
        var invalid = ValidateRegistration(request);
        var model = invalid is null ? await models.GetAsync(request.Model.Trim()) : null;
        if ((invalid ?? (model is null ? UnknownModel(request.Model) : null)) is { } refused)
        {
            return new DeviceImportResult(DeviceImportStatus.Refused, refused);
        }
        Enrol(request, model!, ownerRegion);
        // Joined before the write, so the device is stored knowing it is in the index (a failed write leaves a serial
        // the index tells in vain: an unregistered device ignores plan changes).
        var told = await JoinModelIndexAsync();
        // The write alone: the import reports the time in service to the shard in bulk (a later write of this device
        // reports it again, a repeat the shard ignores).
        S.Version++;
        await state.WriteOrResetAsync(this);
        if (told > S.ModelPlansVersion)
        {
            // The model's plans changed on another silo after this silo's copy was taken: catch up (it hands over itself).
            await FollowModelAsync(told);
        }
        return Imported(DeviceImportStatus.Created);
    }

    /// <summary>What the import hands on: the owner, the model, every plan's next occurrence as it stands, the time in service.</summary>
    private DeviceImportResult Imported(DeviceImportStatus status) => new(status)
    {
        CustomerId = S.CustomerId,
        Model = S.Model,
        Due = [.. S.PlanStandings.Values.Select(p => p.Next).OfType<MaintenanceDue>()],
        Service = ServiceFact,
    };
}
