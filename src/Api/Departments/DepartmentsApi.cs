using AfterSales.Api.Hosting;
using AfterSales.Api.Problems;
using AfterSales.Api.Validation;
using AfterSales.Common;
using AfterSales.Staff;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AfterSales.Api.Departments;

/// <summary><c>/api/departments</c>: rosters, queues and load per department and region.</summary>
internal static class DepartmentsApi
{
    public static RouteGroupBuilder MapDepartmentsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/departments").WithTags("Departments");

        group.MapGet("", ListDepartments)
            .WithName(nameof(ListDepartments))
            .WithSummary("List every department in every region");

        group.MapGet("/{department}/{region}", GetDepartment)
            .WithName(nameof(GetDepartment))
            .WithSummary("Get one department in one region: roster, queue and load")
            .WithDescription("department: customer-service, technical-support, installation or maintenance; region: one of the configured regions.")
            .ProducesProblems(404);

        return api;
    }

    public static async Task<Ok<DepartmentResponse[]>> ListDepartments(IGrainFactory grains)
    {
        var departments = await grains.GetGrain<IDepartmentDirectoryGrain>(0).ListAsync();
        return TypedResults.Ok(departments.IsDefault ? [] : departments.Select(DepartmentResponse.From).ToArray());
    }

    public static async Task<Results<Ok<DepartmentResponse>, ProblemHttpResult>> GetDepartment(
        string department, string region, InputRules rules, IGrainFactory grains)
    {
        if (!DepartmentNames.TryParse(department, out var which))
        {
            return ApiProblems.NotFound(nameof(department),
                $"No department '{department}'; expected one of: {string.Join(", ", DepartmentNames.All.Select(DepartmentNames.ToSlug))}.");
        }
        if (!rules.IsRegion(region))
        {
            return ApiProblems.NotFound(nameof(region), $"No region '{region}'; expected one of: {string.Join(", ", rules.Regions)}.");
        }
        var snapshot = await grains.GetGrain<IDepartmentGrain>(GrainKeys.DepartmentRegion(which, region)).GetAsync();
        return TypedResults.Ok(DepartmentResponse.From(snapshot));
    }
}
