using System.Collections.Immutable;
using AfterSales.Routing;

namespace AfterSales.Models;

/// <summary>Creates or replaces a model's definition. Solutions already known for a fault code that the new
/// definition keeps are kept (they are added with <see cref="IProductModelGrain.AddSolutionAsync"/>, not here).</summary>
/// <param name="FaultCodes">Fault codes with their descriptions; <see cref="FaultCode.Solutions"/> given here are
/// the model's initial solutions.</param>
/// <param name="ExpectedVersion">From the client's If-Match; null to skip the check (0 = must not exist yet).</param>
[GenerateSerializer, Immutable, Alias("AfterSales.DefineProductModelRequest")]
public sealed record DefineProductModelRequest(
    [property: Id(0)] string Name,
    [property: Id(1)] ImmutableArray<SkillRequirement> InstallationSkills,
    [property: Id(2)] ImmutableArray<SkillRequirement> MaintenanceSkills,
    [property: Id(3)] ImmutableArray<ChecklistItemTemplate> Checklist,
    [property: Id(4)] ImmutableArray<MaintenancePlanTemplate> MaintenancePlans,
    [property: Id(5)] ImmutableArray<FaultCode> FaultCodes,
    [property: Id(6)] int WarrantyMonths,
    [property: Id(7)] string Actor,
    [property: Id(8)] int? ExpectedVersion = null)
{
    /// <summary>The meters its devices report.</summary>
    [Id(20)] public ImmutableArray<MeterDefinition> Meters { get; init; } = [];

    /// <summary>Condition-based maintenance rules over its devices' readings.</summary>
    [Id(21)] public ImmutableArray<ConditionRule> ConditionRules { get; init; } = [];
}
