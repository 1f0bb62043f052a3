using System.ComponentModel.DataAnnotations;
using AfterSales.Api.Validation;
using AfterSales.Cases;
using AfterSales.Routing;

namespace AfterSales.Api.Routing;

/// <summary>A skill rule: when every criterion it sets matches a case (an absent one matches anything), the case
/// needs its skills. All matching rules apply; requirements merge by skill keeping the highest level.</summary>
/// <param name="Id">Unique within the policy (letters, digits, <c>.</c>, <c>_</c>, <c>-</c>; max 64). In
/// <c>PUT /api/routing/rules/{id}</c> it may be left out; if sent it must equal the id in the path.</param>
/// <param name="CaseType">Matches cases of this type only.</param>
/// <param name="DeviceModel">Matches cases about a device of this model only (case-insensitive).</param>
/// <param name="Category">Matches cases opened with this fault category only (case-insensitive).</param>
/// <param name="Required">Skills a technician must have to take the case (at most 20).</param>
/// <param name="Optional">Skills preferred at first and dropped after the policy's relaxation delay in a queue (at most 20).
/// A rule needs at least one required or optional skill.</param>
public sealed record SkillRuleRequest(
    [property: StringLength(Limits.Identifier, MinimumLength = 1), RegularExpression(Limits.IdentifierPattern)] string? Id = null,
    CaseType? CaseType = null,
    [property: StringLength(Limits.Identifier, MinimumLength = 1), RegularExpression(Limits.IdentifierPattern)] string? DeviceModel = null,
    [property: StringLength(Limits.Identifier, MinimumLength = 1), RegularExpression(Limits.IdentifierPattern)] string? Category = null,
    [property: MaxLength(Limits.RuleSkills)] IReadOnlyList<SkillRequirementRequest>? Required = null,
    [property: MaxLength(Limits.RuleSkills)] IReadOnlyList<SkillRequirementRequest>? Optional = null)
{
    /// <summary>The rule as the policy grain takes it; the grain checks the values (names, levels, duplicates) and
    /// answers with the path of the first mistake.</summary>
    /// <param name="id">The id to use when the body has none (from the path); null when the body must name it.</param>
    internal SkillRule? ToContract(ValidationErrors errors, string path, string? id = null)
    {
        var ruleId = id is null ? errors.RequiredIdentifier(Join(path, "id"), Id) : errors.OptionalIdentifier(Join(path, "id"), Id) ?? id;
        var model = errors.OptionalIdentifier(Join(path, "deviceModel"), DeviceModel);
        var category = errors.OptionalIdentifier(Join(path, "category"), Category);
        var required = errors.OptionalList(Join(path, "required"), Required, (skill, at) => skill.ToContract(errors, at));
        var optional = errors.OptionalList(Join(path, "optional"), Optional, (skill, at) => skill.ToContract(errors, at));
        return errors.HasErrors || ruleId is null || required is null || optional is null
            ? null
            : new SkillRule(ruleId, CaseType, model, category, required.Value, optional.Value);
    }

    private static string Join(string path, string field) => path.Length == 0 ? field : $"{path}.{field}";
}

/// <summary>A skill at a minimum level from 1 (basic) to 5 (expert).</summary>
/// <param name="Name">Skill name, e.g. <c>hydraulics</c> (letters, digits, <c>.</c>, <c>_</c>, <c>-</c>; max 64).</param>
/// <param name="MinLevel">1 (basic) to 5 (expert).</param>
public sealed record SkillRequirementRequest(
    [property: Required, StringLength(Limits.Identifier, MinimumLength = 1), RegularExpression(Limits.IdentifierPattern)] string? Name,
    [property: Required, Range(Limits.SkillLevelMin, Limits.SkillLevelMax)] int? MinLevel)
{
    internal SkillRequirement? ToContract(ValidationErrors errors, string path)
    {
        var name = errors.RequiredIdentifier($"{path}.name", Name);
        var minLevel = errors.RequiredValue($"{path}.minLevel", MinLevel);
        return name is null || minLevel is null ? null : new SkillRequirement(name, minLevel.Value);
    }
}
