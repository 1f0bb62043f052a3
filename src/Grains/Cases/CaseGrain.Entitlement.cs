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
/// installation or maintenance case (telling the device of the case's changes: <c>CaseGrain.Visits.cs</c>).</summary>
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
}
