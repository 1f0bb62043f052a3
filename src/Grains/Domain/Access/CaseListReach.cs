using System.Collections.Immutable;
using AfterSales.Access;
using AfterSales.CaseList;
using AfterSales.Common;

namespace AfterSales.Domain.Access;

/// <summary>Narrows a case-list query to what the caller may see, so a list never shows a case its single read would
/// answer 404: a customer their own cases, a technician the cases they hold, agents and supervisors their departments
/// and regions. The caller's filters still apply inside that reach.</summary>
public static class CaseListReach
{
    /// <summary>The query within the caller's reach, or null when nothing the query asks for is within it (an empty list).</summary>
    public static CaseListQuery? Restrict(CaseListQuery query, CallerScope caller)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Kind != CallerKind.User)
        {
            return null;
        }
        switch (caller.Role)
        {
            case CallerRole.Admin:
                return query;
            case CallerRole.Customer when caller.CustomerId is { } customer:
                return Within(query.Customers, [customer]) is { IsEmpty: false } customers ? query with { Customers = customers } : null;
            case CallerRole.Technician when caller.TechnicianId is { } technician:
                return Within(query.Assignees, [technician]) is { IsEmpty: false } assignees ? query with { Assignees = assignees } : null;
            case CallerRole.Agent or CallerRole.Supervisor:
                var mine = caller.Departments.Select(slug => DepartmentNames.TryParse(slug, out var d) ? d : (Department?)null)
                    .OfType<Department>().ToImmutableArray();
                var departments = Within(query.Departments, mine);
                var regions = Within(query.Regions, caller.Regions);
                return departments.IsEmpty || regions.IsEmpty ? null : query with { Departments = departments, Regions = regions };
            default:
                return null;
        }
    }

    /// <summary>The asked values that are within reach; all of the reach when nothing was asked.</summary>
    private static ImmutableArray<T> Within<T>(ImmutableArray<T> asked, ImmutableArray<T> reach) =>
        asked.IsDefaultOrEmpty ? reach : [.. asked.Where(reach.Contains)];
}
