using System.Collections.Immutable;
using AfterSales.Routing;

namespace AfterSales.Models;

/// <summary>A product model of the catalogue (key: model code such as <c>HX-200</c>): what installing and maintaining
/// it takes, how it is commissioned, its known faults and its default warranty. <see cref="Version"/> is the ETag.</summary>
/// <param name="InstallationSkills">Skills an installation technician needs for this model (routing requires them).</param>
/// <param name="MaintenanceSkills">Skills a maintenance technician needs for this model (routing requires them).</param>
/// <param name="Checklist">The commissioning checklist every installation of this model works through, in order.</param>
/// <param name="MaintenancePlans">Preventive maintenance plans a device of this model follows.</param>
/// <param name="FaultCodes">Known fault codes with their known solutions.</param>
/// <param name="WarrantyMonths">Default warranty length, from the warranty's start.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.ProductModel")]
public sealed record ProductModel(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] ImmutableArray<SkillRequirement> InstallationSkills,
    [property: Id(3)] ImmutableArray<SkillRequirement> MaintenanceSkills,
    [property: Id(4)] ImmutableArray<ChecklistItemTemplate> Checklist,
    [property: Id(5)] ImmutableArray<MaintenancePlanTemplate> MaintenancePlans,
    [property: Id(6)] ImmutableArray<FaultCode> FaultCodes,
    [property: Id(7)] int WarrantyMonths,
    [property: Id(8)] DateTimeOffset CreatedAt,
    [property: Id(9)] DateTimeOffset UpdatedAt,
    [property: Id(10)] int Version)
{
    /// <summary>The meters its devices report (readings name them).</summary>
    [Id(20)] public ImmutableArray<MeterDefinition> Meters { get; init; } = [];

    /// <summary>Condition-based maintenance rules over its devices' readings.</summary>
    [Id(21)] public ImmutableArray<ConditionRule> ConditionRules { get; init; } = [];

    /// <summary>The version of <see cref="MaintenancePlans"/>: 1 from the first definition, one more each time a
    /// redefinition changes the plans. Its devices follow it (docs/MAINTENANCE.md).</summary>
    [Id(28)] public int PlansVersion { get; init; }
}
