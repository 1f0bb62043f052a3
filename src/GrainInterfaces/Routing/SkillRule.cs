using System.Collections.Immutable;
using AfterSales.Cases;

namespace AfterSales.Routing;

/// <summary>
/// Derives skill requirements from what a case is about. A rule applies when every criterion it sets matches
/// (a null criterion matches anything); all applying rules contribute, requirements merge by skill with the
/// highest level, and a skill that is both required and optional is required.
/// </summary>
/// <param name="Id">Unique within the policy; recorded in routing decisions as a matched rule.</param>
/// <param name="CaseType">Matches cases of this type only.</param>
/// <param name="DeviceModel">Matches cases about a device of this model only (case-insensitive).</param>
/// <param name="Category">Matches cases opened with this fault category only (case-insensitive).</param>
/// <param name="Required">Skills a technician must have to take the case.</param>
/// <param name="Optional">Skills preferred at first; dropped after the policy's relaxation delay in the queue.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.SkillRule")]
public sealed record SkillRule(
    [property: Id(0)] string Id,
    [property: Id(1)] CaseType? CaseType,
    [property: Id(2)] string? DeviceModel,
    [property: Id(3)] string? Category,
    [property: Id(4)] ImmutableArray<SkillRequirement> Required,
    [property: Id(5)] ImmutableArray<SkillRequirement> Optional);
