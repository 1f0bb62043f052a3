using AfterSales.Api.Hosting;
using AfterSales.Api.Validation;
using AfterSales.Common;
using AfterSales.Departments;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AfterSales.Api.Departments;

/// <summary><c>/api/departments</c>: strategies, rosters, queues and load per department and region; queue reviews.</summary>
internal static class DepartmentsApi
{
    public static RouteGroupBuilder MapDepartmentsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/departments").WithTags("Departments");

        group.MapGet("", ListDepartments)
            .WithName(nameof(ListDepartments))
            .WithSummary("List every department in every region")
            .WithDescription("Each department-region's roster size, load, free capacity and queue length, for a supervisor's overview.");

        group.MapGet("/{department}/{region}", GetDepartment)
            .WithName(nameof(GetDepartment))
            .WithSummary("Get one department in one region: strategy, roster with presence, queue and load")
            .WithDescription("department: customer-service, technical-support, installation or maintenance; region: one of the configured regions.")
            .ProducesProblems(404);

        group.MapPost("/{department}/{region}/review", ReviewQueue)
            .WithName(nameof(ReviewQueue))
            .WithSummary("Review a department's queue now")
            .WithDescription("What the department also does every 15 s while cases wait: drops the optional skills of cases that "
                + "waited longer than the policy's relaxation delay, offers cases to neighbour regions when the queue is past the "
                + "overflow thresholds, and assigns what the technicians on shift can take. Safe to repeat.")
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
        if (Find(department, region, rules, out var which) is { } problem)
        {
            return problem;
        }
        // The directory merges the shards of a sharded department into the one view.
        var directory = grains.GetGrain<IDepartmentDirectoryGrain>(0);
        return TypedResults.Ok(DepartmentResponse.From(await directory.GetAsync(which, region)));
    }

    public static async Task<Results<Ok<QueueReviewResponse>, ProblemHttpResult>> ReviewQueue(
        string department, string region, InputRules rules, IGrainFactory grains)
    {
        if (Find(department, region, rules, out var which) is { } problem)
        {
            return problem;
        }
        var directory = grains.GetGrain<IDepartmentDirectoryGrain>(0);
        return TypedResults.Ok(QueueReviewResponse.From(await directory.ReviewAsync(which, region)));
    }

    /// <summary>A problem when the department or the region is unknown; null when both are.</summary>
    private static ProblemHttpResult? Find(string department, string region, InputRules rules, out Department which) =>
        DepartmentRoute.Department(department, out which) ?? DepartmentRoute.Region(rules, region);
}
