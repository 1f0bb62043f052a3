using System.Collections.Immutable;
using AfterSales.Common;
using AfterSales.Domain.Routing;
using AfterSales.Routing;
using AfterSales.Technicians;

namespace AfterSales.Tests.Unit.Domain.Routing;

/// <summary>Small builders for routing tests.</summary>
internal static class RoutingFixtures
{
    public static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    public static TechnicianStatus Tech(
        string id, int load = 0, int capacity = 4, bool onShift = true, bool away = false,
        DateTimeOffset? lastAssignedAt = null, params Skill[] skills) =>
        new(id, Department.TechnicalSupport, "east", capacity, load, onShift, [.. skills], lastAssignedAt, 1) { Away = away };

    public static SkillRequirement Needs(string name, int level) => new(name, level);

    public static RoutingRequest Request(
        RoutingStrategy strategy = RoutingStrategy.LeastLoaded,
        int weight = 1,
        ImmutableArray<SkillRequirement> required = default,
        ImmutableArray<SkillRequirement> optional = default,
        bool relaxed = false,
        string? preferred = null) =>
        new(Department.TechnicalSupport, "east", strategy, weight,
            required.IsDefault ? [] : required, optional.IsDefault ? [] : optional, relaxed, ["r1"], preferred, Noon);
}
