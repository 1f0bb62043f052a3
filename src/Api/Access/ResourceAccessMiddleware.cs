using AfterSales.Access;
using AfterSales.Api.Problems;
using AfterSales.Cases;
using AfterSales.Complaints;
using AfterSales.Customers;
using AfterSales.Devices;
using AfterSales.Domain.Access;

namespace AfterSales.Api.Access;

/// <summary>After the role check, the resource check: a person reaches only the cases, customers, devices, technician
/// records and departments their scope covers. Anything else is answered 404, as if it did not exist, so no caller can
/// learn that another customer's case is there. Admins and API keys (whose scopes grant whole endpoints) pass. The case
/// and customer grains check the scope again on the reads that return their data.</summary>
internal sealed class ResourceAccessMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IGrainFactory grains)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<AccessRule>() is not { Resource: not ResourceKind.None } rule
            || context.User.Identity?.IsAuthenticated != true)
        {
            await next(context);
            return;
        }
        var caller = context.Caller();
        if (caller.Kind == CallerKind.ApiKey || caller.Role == CallerRole.Admin || await ReachesAsync(rule.Resource, caller, context.Request.RouteValues, grains))
        {
            await next(context);
            return;
        }
        var problem = ApiProblems.Details(StatusCodes.Status404NotFound,
            new Dictionary<string, string[]> { ["$path"] = [$"No resource at {context.Request.Path}."] }, $"No resource at {context.Request.Path}.");
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new() { HttpContext = context, ProblemDetails = problem });
    }

    private static async Task<bool> ReachesAsync(ResourceKind resource, CallerScope caller, RouteValueDictionary route, IGrainFactory grains)
    {
        switch (resource)
        {
            case ResourceKind.Case when Value(route, "number") is { } number:
                return await grains.GetGrain<ICaseGrain>(number).GetForAsync(caller) is not null;
            case ResourceKind.Customer when Value(route, "id") is { } id:
                return await grains.GetGrain<ICustomerGrain>(id).GetForAsync(caller) is not null;
            case ResourceKind.Device when Value(route, "serial") is { } serial:
                return await grains.GetGrain<IDeviceGrain>(serial).GetAsync() is { } device && CallerAccess.CanSeeDevice(caller, device.CustomerId);
            case ResourceKind.Technician when Value(route, "id") is { } technician:
                return CallerAccess.CanSeeTechnician(caller, technician);
            case ResourceKind.Complaint when Value(route, "id") is { } complaint:
                return await grains.GetGrain<IComplaintGrain>(complaint).GetForAsync(caller) is not null;
            case ResourceKind.Department when Value(route, "department") is { } department:
                return CallerAccess.CanSeeDepartment(caller, department, Value(route, "region"));
            default:
                return false;
        }
    }

    private static string? Value(RouteValueDictionary route, string name) =>
        route.TryGetValue(name, out var value) && value is string text && text.Length is > 0 and <= 64 ? text : null;
}
