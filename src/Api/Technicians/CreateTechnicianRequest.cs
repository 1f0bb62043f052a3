using System.Collections.Immutable;
using System.ComponentModel.DataAnnotations;
using AfterSales.Api.Validation;
using AfterSales.Common;
using AfterSales.Technicians;

namespace AfterSales.Api.Technicians;

/// <summary>Registers a technician (customer-service agents are technicians of that department).</summary>
/// <param name="Name">Full name (max 200).</param>
/// <param name="Department">The department the technician works for.</param>
/// <param name="Region">One of the configured regions, e.g. <c>east</c>.</param>
/// <param name="Skills">Up to 20 skills, each named once, at level 1 (basic) to 5 (expert).</param>
/// <param name="Capacity">Cases the technician can hold at once: 1-1000 units.</param>
/// <param name="OnShift">Whether the technician takes work right away.</param>
/// <param name="Id">Client-chosen id (letters, digits, <c>.</c>, <c>_</c>, <c>-</c>; max 64); the server mints one when absent.</param>
public sealed record CreateTechnicianRequest(
    [property: Required, StringLength(Limits.Name, MinimumLength = 1)] string Name,
    [property: Required] Department? Department,
    [property: Required, Region] string Region,
    [property: Required, Range(Limits.CapacityMin, Limits.CapacityMax)] int? Capacity,
    [property: Required] bool? OnShift,
    [property: MaxLength(Limits.Skills)] IReadOnlyList<TechnicianSkill>? Skills = null,
    [property: StringLength(Limits.Identifier, MinimumLength = 1), RegularExpression(Limits.IdentifierPattern)] string? Id = null)
{
    internal (string? Id, RegisterTechnicianRequest? Command) Validate(InputRules rules, ValidationErrors errors)
    {
        var id = errors.OptionalIdentifier("id", Id);
        var name = errors.RequiredText("name", Name, Limits.Name);
        var department = errors.RequiredValue("department", Department);
        var region = rules.Region(errors, "region", Region);
        var skills = TechnicianSkill.Validate(errors, "skills", Skills);
        var capacity = errors.RequiredInRange("capacity", Capacity, Limits.CapacityMin, Limits.CapacityMax);
        var onShift = errors.RequiredValue("onShift", OnShift);
        return errors.HasErrors
            ? (null, null)
            : (id, new RegisterTechnicianRequest(name!, department!.Value, region!, skills, capacity!.Value, onShift!.Value));
    }
}

/// <summary>A named skill at a level from 1 (basic) to 5 (expert).</summary>
/// <param name="Name">Skill name, e.g. <c>boiler</c> (max 50).</param>
/// <param name="Level">1 (basic) to 5 (expert).</param>
public sealed record TechnicianSkill(
    [property: Required, StringLength(Limits.SkillName, MinimumLength = 1)] string Name,
    [property: Range(Limits.SkillLevelMin, Limits.SkillLevelMax)] int Level)
{
    internal static TechnicianSkill From(Skill skill) => new(skill.Name, skill.Level);

    internal static ImmutableArray<Skill> Validate(ValidationErrors errors, string field, IReadOnlyList<TechnicianSkill?>? skills)
    {
        if (skills is null)
        {
            return [];
        }
        if (skills.Count > Limits.Skills)
        {
            errors.Add(field, $"At most {Limits.Skills} skills are allowed.");
            return [];
        }
        var result = ImmutableArray.CreateBuilder<Skill>(skills.Count);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < skills.Count; i++)
        {
            var at = $"{field}[{i}]";
            if (skills[i] is not { } skill)
            {
                errors.Add(at, FieldRules.Required);
                continue;
            }
            var name = errors.RequiredText($"{at}.name", skill.Name, Limits.SkillName);
            var level = errors.RequiredInRange($"{at}.level", skill.Level, Limits.SkillLevelMin, Limits.SkillLevelMax);
            if (name is not null && !names.Add(name))
            {
                errors.Add($"{at}.name", $"The skill '{name}' is listed more than once.");
            }
            else if (name is not null && level is not null)
            {
                result.Add(new Skill(name, level.Value));
            }
        }
        return result.ToImmutable();
    }
}

/// <summary>Puts a technician on or off shift.</summary>
/// <param name="OnShift">True to take work, false to stop receiving new cases.</param>
public sealed record SetShiftRequest([property: Required] bool? OnShift);
