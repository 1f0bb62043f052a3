using System.Collections.Immutable;
using AfterSales.Routing;
using AfterSales.Technicians;

namespace AfterSales.Domain.Routing;

/// <summary>The distinct skill sets of a group of technicians (whatever their presence): enough to tell whether anyone
/// among them could ever take a case, without sending every technician. Technicians often share a profile, so this is
/// usually much shorter than the roster.</summary>
internal sealed class SkillProfiles
{
    public static SkillProfiles Empty { get; } = new([]);

    private SkillProfiles(ImmutableArray<ImmutableArray<Skill>> profiles) => Profiles = profiles;

    public ImmutableArray<ImmutableArray<Skill>> Profiles { get; }

    public static SkillProfiles Of(IEnumerable<ImmutableArray<Skill>> skillSets)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var distinct = ImmutableArray.CreateBuilder<ImmutableArray<Skill>>();
        foreach (var skills in skillSets)
        {
            var normal = skills.IsDefault ? [] : skills.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToImmutableArray();
            if (seen.Add(string.Join(";", normal.Select(s => $"{s.Name.ToUpperInvariant()}={s.Level}"))))
            {
                distinct.Add(normal);
            }
        }
        return new SkillProfiles(distinct.ToImmutable());
    }

    /// <summary>Both groups together.</summary>
    public SkillProfiles With(SkillProfiles other) => other.Profiles.IsEmpty ? this : Of(Profiles.Concat(other.Profiles));

    /// <summary>True when one profile meets every requirement.</summary>
    public bool AnyMeets(ImmutableArray<SkillRequirement> required)
    {
        foreach (var profile in Profiles)
        {
            if (Eligibility.FirstMissing(profile, required) is null)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The requirements no profile meets on its own.</summary>
    public ImmutableArray<SkillRequirement> Unmet(ImmutableArray<SkillRequirement> required) =>
        [.. required.Where(r => !Profiles.Any(p => Eligibility.LevelOf(p, r.Name) >= r.MinLevel))];
}
