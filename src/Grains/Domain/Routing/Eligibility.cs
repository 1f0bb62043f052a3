using System.Collections.Immutable;
using System.Globalization;
using AfterSales.Routing;
using AfterSales.Technicians;

namespace AfterSales.Domain.Routing;

/// <summary>
/// Whether a technician may take a case: on shift and not away, every required skill at its minimum level, every
/// optional skill unless relaxed (the caller passes none then), and room for the case's weight (<see cref="CapacityRule"/>). The
/// reason names the first check that failed, in words that go into routing decisions.
/// </summary>
internal static class Eligibility
{
    public static Assessment Assess(
        TechnicianStatus technician, int weight, ImmutableArray<SkillRequirement> required, ImmutableArray<SkillRequirement> optional)
    {
        if (!technician.OnShift)
        {
            return Assessment.No("off shift");
        }
        if (technician.Away)
        {
            return Assessment.No("away");
        }
        var overQualification = 0;
        if (!required.IsDefaultOrEmpty)
        {
            List<SkillRequirement>? missing = null;
            foreach (var requirement in required)
            {
                var level = LevelOf(technician.Skills, requirement.Name);
                if (level < requirement.MinLevel)
                {
                    (missing ??= []).Add(requirement);
                }
                else
                {
                    overQualification += level - requirement.MinLevel;
                }
            }
            if (missing is not null)
            {
                return Assessment.No($"missing {string.Join(", ", missing)}");
            }
        }
        if (!technician.Fits(weight))
        {
            return Assessment.No(string.Create(CultureInfo.InvariantCulture,
                $"needs {weight} free unit{(weight == 1 ? "" : "s")}, has {technician.Free} ({technician.Load}/{technician.Capacity})"));
        }
        if (!optional.IsDefaultOrEmpty)
        {
            var missing = optional.Where(o => LevelOf(technician.Skills, o.Name) < o.MinLevel).ToList();
            if (missing.Count > 0)
            {
                return Assessment.No($"missing optional {string.Join(", ", missing)}");
            }
        }
        return Assessment.Yes(overQualification);
    }

    /// <summary>The same verdict as <see cref="Assess"/> without building the reason (the ranking's hot path asks for
    /// a reason only for the few technicians a decision lists).</summary>
    public static bool IsEligible(
        TechnicianStatus technician, int weight, ImmutableArray<SkillRequirement> required, ImmutableArray<SkillRequirement> optional,
        out int overQualification)
    {
        overQualification = 0;
        if (!technician.OnShift || technician.Away)
        {
            return false;
        }
        if (!required.IsDefaultOrEmpty)
        {
            foreach (var requirement in required)
            {
                var level = LevelOf(technician.Skills, requirement.Name);
                if (level < requirement.MinLevel)
                {
                    overQualification = 0;
                    return false;
                }
                overQualification += level - requirement.MinLevel;
            }
        }
        if (!technician.Fits(weight))
        {
            overQualification = 0;
            return false;
        }
        if (!optional.IsDefaultOrEmpty)
        {
            foreach (var requirement in optional)
            {
                if (LevelOf(technician.Skills, requirement.Name) < requirement.MinLevel)
                {
                    overQualification = 0;
                    return false;
                }
            }
        }
        return true;
    }

    /// <summary>True when <paramref name="skills"/> meet every requirement (supervisor checks, technician's own check).</summary>
    public static SkillRequirement? FirstMissing(ImmutableArray<Skill> skills, ImmutableArray<SkillRequirement> required)
    {
        if (required.IsDefaultOrEmpty)
        {
            return null;
        }
        foreach (var requirement in required)
        {
            if (LevelOf(skills, requirement.Name) < requirement.MinLevel)
            {
                return requirement;
            }
        }
        return null;
    }

    /// <summary>The technician's level in a skill (names compare case-insensitively); 0 when it lacks the skill.</summary>
    public static int LevelOf(ImmutableArray<Skill> skills, string name)
    {
        if (skills.IsDefaultOrEmpty)
        {
            return 0;
        }
        foreach (var skill in skills)
        {
            if (string.Equals(skill.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return skill.Level;
            }
        }
        return 0;
    }
}

/// <summary>The outcome of <see cref="Eligibility.Assess"/>.</summary>
/// <param name="OverQualification">Sum of (level − minimum) over the required skills; 0 when not eligible.</param>
internal readonly record struct Assessment(bool Eligible, string? Reason, int OverQualification)
{
    public static Assessment Yes(int overQualification) => new(true, null, overQualification);

    public static Assessment No(string reason) => new(false, reason, 0);
}
