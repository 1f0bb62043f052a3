using AfterSales.Api.Hosting;
using AfterSales.Api.Routing;
using AfterSales.Models;

namespace AfterSales.Api.Models;

/// <summary>A product model of the catalogue; <paramref name="Version"/> is its ETag.</summary>
/// <param name="MaintenancePlansVersion">The version of its maintenance plans: 1 from the first definition, one more
/// each time a definition changes them; its devices follow the latest (docs/MAINTENANCE.md).</param>
public sealed record ProductModelResponse(
    string Code,
    string Name,
    SkillLevelRequirement[] InstallationSkills,
    SkillLevelRequirement[] MaintenanceSkills,
    ChecklistItemTemplate[] Checklist,
    MaintenancePlanTemplate[] MaintenancePlans,
    FaultCodeResponse[] FaultCodes,
    int WarrantyMonths,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version,
    MeterDefinition[] Meters,
    ConditionRule[] ConditionRules,
    int MaintenancePlansVersion)
{
    internal static ProductModelResponse From(ProductModel model) => new(
        model.Code, model.Name, SkillLevelRequirement.From(model.InstallationSkills), SkillLevelRequirement.From(model.MaintenanceSkills),
        [.. model.Checklist.OrEmpty()], [.. model.MaintenancePlans.OrEmpty()],
        [.. model.FaultCodes.OrEmpty().Select(code => new FaultCodeResponse(code.Code, code.Description, [.. code.Solutions.OrEmpty()]))],
        model.WarrantyMonths, model.CreatedAt, model.UpdatedAt, model.Version, [.. model.Meters.OrEmpty()], [.. model.ConditionRules.OrEmpty()],
        model.PlansVersion);
}

/// <summary>A fault code of a model with the solutions known to fix it.</summary>
public sealed record FaultCodeResponse(string Code, string Description, KnownSolution[] Solutions);

/// <summary>A page of the catalogue in code order; <paramref name="Next"/> names the following page while models follow.</summary>
public sealed record ProductModelListResponse(ProductModelSummary[] Models, string? Next);
