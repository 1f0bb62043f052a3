using AfterSales.Api.Problems;
using AfterSales.Api.Validation;
using AfterSales.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AfterSales.Api.Departments;

/// <summary>Reads the <c>{department}</c> and <c>{region}</c> route parameters: a department slug or region that
/// does not exist names no resource, so it is a 404 on that parameter.</summary>
internal static class DepartmentRoute
{
    public static ProblemHttpResult? Department(string department, out Department which) =>
        DepartmentNames.TryParse(department, out which)
            ? null
            : ApiProblems.NotFound(nameof(department),
                $"No department '{department}'; expected one of: {string.Join(", ", DepartmentNames.All.Select(DepartmentNames.ToSlug))}.");

    public static ProblemHttpResult? Region(InputRules rules, string region) =>
        rules.IsRegion(region)
            ? null
            : ApiProblems.NotFound(nameof(region), $"No region '{region}'; expected one of: {string.Join(", ", rules.Regions)}.");
}
