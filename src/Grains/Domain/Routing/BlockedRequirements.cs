using System.Collections.Immutable;
using AfterSales.Routing;

namespace AfterSales.Domain.Routing;

/// <summary>
/// The drain's shortcut: once no technician is eligible for a case, none is eligible for a later case that is at
/// least as hard — as heavy or heavier, and needing every skill the first one needed at the same level or higher
/// (eligibility only gets harder with more weight and more or higher requirements). Such cases are skipped
/// without ranking the roster again.
/// </summary>
internal sealed class BlockedRequirements
{
    private readonly List<(int Weight, ImmutableArray<SkillRequirement> Skills)> _blocked = [];

    public int Count => _blocked.Count;

    public void Add(int weight, ImmutableArray<SkillRequirement> skills) => _blocked.Add((weight, skills.IsDefault ? [] : skills));

    public bool Covers(int weight, ImmutableArray<SkillRequirement> skills)
    {
        foreach (var blocked in _blocked)
        {
            if (weight >= blocked.Weight && Includes(skills, blocked.Skills))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The skills a technician must have for a case: required, plus optional unless relaxed.</summary>
    public static ImmutableArray<SkillRequirement> Effective(ImmutableArray<SkillRequirement> required, ImmutableArray<SkillRequirement> optional, bool relaxed)
    {
        var r = required.IsDefault ? [] : required;
        return relaxed || optional.IsDefaultOrEmpty ? r : r.AddRange(optional);
    }

    /// <summary>True when <paramref name="harder"/> needs every skill of <paramref name="easier"/> at its level or higher.</summary>
    private static bool Includes(ImmutableArray<SkillRequirement> harder, ImmutableArray<SkillRequirement> easier)
    {
        foreach (var need in easier)
        {
            var met = false;
            foreach (var has in harder.IsDefault ? [] : harder)
            {
                if (string.Equals(has.Name, need.Name, StringComparison.OrdinalIgnoreCase) && has.MinLevel >= need.MinLevel)
                {
                    met = true;
                    break;
                }
            }
            if (!met)
            {
                return false;
            }
        }
        return true;
    }
}
