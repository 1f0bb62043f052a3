using System.Collections.Immutable;
using AfterSales.Devices;
using AfterSales.Domain;
using AfterSales.Domain.Devices;
using AfterSales.Domain.Routing;
using AfterSales.Models;
using AfterSales.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Cases;

/// <summary>The case's device: what it is entitled to on the day the case opens, the skills its model needs for an
/// installation or maintenance case, and telling it when a fault, maintenance or installation case opens and ends.</summary>
/// <remarks>The device is told after the case's own write, with the case's current state (so a replay or a retry
/// repeats the same fact, which the device takes once). A failed notice is logged, not surfaced — the case's change is
/// already durable — and repeated by the next command on the case or a replay of its open.</remarks>
internal sealed partial class CaseGrain
{
    /// <summary>What the case learns about its device at open.</summary>
    private sealed record CaseEquipment(Entitlement Entitlement, ImmutableArray<SkillRequirement> ModelSkills);

    private async Task<CaseEquipment> EquipmentAtOpenAsync(CaseType type, DeviceSnapshot device)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var entitlement = Entitlements.On(today, device.Warranty, device.Contracts.IsDefault ? [] : device.Contracts);
        ImmutableArray<SkillRequirement> skills = [];
        if (type is CaseType.Installation or CaseType.Maintenance)
        {
            // The silo's copy: a popular model's grain never sits on every case's path.
            var model = await ServiceProvider.GetRequiredService<ProductModelCache>().GetAsync(device.Model);
            skills = model is null ? [] : type == CaseType.Installation ? model.InstallationSkills : model.MaintenanceSkills;
        }
        return new CaseEquipment(entitlement, skills.IsDefault ? [] : skills);
    }

    private void RecordEquipment(DateTimeOffset now, CaseEquipment? equipment)
    {
        if (equipment is null)
        {
            return;
        }
        S.Entitlement = equipment.Entitlement;
        S.ModelSkills = [.. equipment.ModelSkills];
        Record(now, SystemActor, CaseEventKinds.EntitlementChecked, null, null, Entitlements.Describe(equipment.Entitlement));
    }

    /// <summary>What the case needs: the policy's skill rules, plus its device model's skills for this kind of case.</summary>
    private CaseRequirements Requirements(RoutingPolicy policy) =>
        ModelSkills.Merge(SkillRequirements.For(policy, S.Type, S.DeviceModel, S.Category), S.DeviceModel, S.ModelSkills);

    private async Task TellDeviceAsync(string? actor)
    {
        await TellWorkAsync();
        if (S.DeviceSerial is not { } serial || S.Type is not (CaseType.Fault or CaseType.Maintenance or CaseType.Installation))
        {
            return;
        }
        var open = CaseStateMachine.IsOpen(S.Status);
        if (S.DeviceToldOpen == open)
        {
            return;
        }
        try
        {
            await GrainFactory.GetGrain<IDeviceGrain>(serial).OnCaseChangedAsync(
                new DeviceCaseChange(Number, S.Type, open, time.GetUtcNow(), ActorOf(actor)));
            // Kept with the case's next write; until then a repeat is harmless (the device takes a fact once).
            S.DeviceToldOpen = open;
        }
        catch (Exception exception)
        {
            logger.DeviceNoticeFailed(exception, Number, serial);
        }
    }
}
