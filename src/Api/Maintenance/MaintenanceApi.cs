using System.Globalization;
using AfterSales.Api.Hosting;
using AfterSales.Api.Http;
using AfterSales.Api.Models;
using AfterSales.Api.Problems;
using AfterSales.Api.Validation;
using AfterSales.Common;
using AfterSales.Devices;
using AfterSales.Maintenance;
using AfterSales.Models;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Api.Maintenance;

/// <summary>Preventive maintenance: a device's plans and work orders (<c>/api/devices/{serial}/maintenance…</c>) and
/// the overdue work orders of a region or department (<c>/api/maintenance/overdue</c>).</summary>
internal static class MaintenanceApi
{
    public const int DefaultOverdueLimit = 100;
    public const int MaxOverdueLimit = 1000;

    public static RouteGroupBuilder MapMaintenanceApi(this RouteGroupBuilder api)
    {
        var devices = api.MapGroup("/devices").WithTags("Maintenance");

        devices.MapGet("/{serial}/maintenance", GetDeviceMaintenance)
            .WithName(nameof(GetDeviceMaintenance))
            .WithSummary("Get a device's maintenance plans and work orders")
            .WithDescription("The plans in force (the model's, replaced by the device's own of the same id) with their next "
                + "occurrence (period = due day in the region's calendar, due time, when its work order is generated), last visit "
                + "and open work order — following the model's current plans; and the "
                + "device's recent maintenance work orders (source, period, trigger, due window, evidence, open, overdue). "
                + "Answers with the device's ETag.")
            .ProducesProblems(400, 404);

        devices.MapPut("/{serial}/maintenance-plans/{planId}", PutDevicePlan)
            .WithName(nameof(PutDevicePlan))
            .WithSummary("Add or replace one of a device's own maintenance plans")
            .WithDescription("The body is a plan like a model's (its id must be planId). A plan with a model plan's id replaces "
                + "it for this device. The plan has exactly one schedule (400 at intervalDays when it has none, at the second "
                + "when it has two). The device computes the plan's next occurrence and hands it to the scheduler. Repeating "
                + "the same plan changes nothing. Send If-Match with the device's ETag to refuse the change when the device "
                + "changed meanwhile (412); 409 for a decommissioned device.")
            .ProducesProblems(400, 404, 409, 412, 413, 415);

        devices.MapDelete("/{serial}/maintenance-plans/{planId}", DeleteDevicePlan)
            .WithName(nameof(DeleteDevicePlan))
            .WithSummary("Remove one of a device's own maintenance plans")
            .WithDescription("The model's plan of the same id, if any, applies again; the removed plan's scheduled occurrence is "
                + "taken back. 404 on planId when the device has no plan of its own with that id; If-Match as for PUT.")
            .ProducesProblems(400, 404, 409, 412);

        devices.MapPost("/{serial}/maintenance/work-orders/{number}/reissue", ReissueWorkOrder)
            .WithName(nameof(ReissueWorkOrder))
            .WithSummary("Re-issue a cancelled maintenance work order")
            .WithDescription("A cancelled work order did not serve its occurrence (the plan's last visit stays where it was); "
                + "this opens a new work order for the same occurrence — same plan or rule, period and due window, so it is "
                + "overdue at once when the window has passed. At most one per cancelled work order: asking again answers the "
                + "re-issue already made (200 instead of 201). Answers the device's maintenance with Location: the new work "
                + "order's case. 404 on number when the device has no such work order; 409 when it was not cancelled (open, "
                + "completed or refused) or the device takes no maintenance.")
            .ProducesProblems(400, 404, 409);

        api.MapGroup("/maintenance").WithTags("Maintenance")
            .MapGet("/overdue", GetOverdueMaintenance)
            .WithName(nameof(GetOverdueMaintenance))
            .WithSummary("List maintenance work orders open past their due window")
            .WithDescription("region: one of the configured regions (default: every region); department: a department slug "
                + "(customer-service, technical-support, installation, maintenance; default: every department) — the "
                + $"department the work order is in now (a transfer or escalation moves it); limit: 1 to {MaxOverdueLimit} (default "
                + $"{DefaultOverdueLimit}). Most overdue first. Read from each region's index of open maintenance work "
                + "orders, which the devices keep as their work orders open and end, never by scanning devices. Each work order "
                + "shows its due day (dueOn) and first late day (overdueFrom) in its region's time zone (timeZone).")
            .ProducesProblems(400);

        return api;
    }

    public static async Task<Results<Ok<DeviceMaintenanceResponse>, ProblemHttpResult>> GetDeviceMaintenance(
        string serial, IGrainFactory grains, HttpResponse response)
    {
        var errors = new ValidationErrors();
        if (errors.RequiredIdentifier("serial", serial) is null)
        {
            return errors.ToProblem();
        }
        if (await grains.GetGrain<IDeviceGrain>(serial).GetMaintenanceAsync() is not { } maintenance)
        {
            return NoSuchDevice(serial);
        }
        return Answer(maintenance, response);
    }

    public static Task<Results<Ok<DeviceMaintenanceResponse>, ProblemHttpResult>> PutDevicePlan(
        string serial,
        string planId,
        MaintenancePlanRequest request,
        [FromHeader(Name = ApiHeaders.IfMatch)] string? ifMatch,
        [FromHeader(Name = ApiHeaders.Actor)] string? actorHeader,
        IGrainFactory grains,
        HttpResponse response) =>
        ChangePlanAsync(serial, planId, ifMatch, actorHeader, grains, response,
            (errors, id) =>
            {
                var plan = request.ToContract(errors, "");
                if (id is not null && plan is not null && plan.Id != id)
                {
                    errors.Add("id", $"The plan's id must be the one in the path ('{id}').");
                }
                return plan;
            },
            (device, _, plan, actor, expected) => device.SetMaintenancePlanAsync(plan!, actor, expected));

    public static Task<Results<Ok<DeviceMaintenanceResponse>, ProblemHttpResult>> DeleteDevicePlan(
        string serial,
        string planId,
        [FromHeader(Name = ApiHeaders.IfMatch)] string? ifMatch,
        [FromHeader(Name = ApiHeaders.Actor)] string? actorHeader,
        IGrainFactory grains,
        HttpResponse response) =>
        ChangePlanAsync(serial, planId, ifMatch, actorHeader, grains, response, (_, _) => null,
            (device, id, _, actor, expected) => device.RemoveMaintenancePlanAsync(id, actor, expected));

    public static async Task<Results<Created<DeviceMaintenanceResponse>, Ok<DeviceMaintenanceResponse>, ProblemHttpResult>> ReissueWorkOrder(
        string serial,
        string number,
        [FromHeader(Name = ApiHeaders.Actor)] string? actorHeader,
        IGrainFactory grains,
        HttpResponse response)
    {
        var errors = new ValidationErrors();
        var deviceSerial = errors.RequiredIdentifier("serial", serial);
        var caseNumber = errors.RequiredIdentifier("number", number);
        var actor = errors.Actor(actorHeader);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var result = await grains.GetGrain<IDeviceGrain>(deviceSerial!).ReissueMaintenanceOrderAsync(caseNumber!, actor!);
        if (result.Error is { } error)
        {
            return error.ToProblem("number");
        }
        var maintenance = result.Value!;
        response.Headers.ETag = ETags.Format(maintenance.Version);
        var body = DeviceMaintenanceResponse.From(maintenance);
        if (result.Replayed)
        {
            return TypedResults.Ok(body);
        }
        var reissue = maintenance.WorkOrders.First(o => o.Reissues == caseNumber).CaseNumber;
        return TypedResults.Created($"/api/cases/{Uri.EscapeDataString(reissue)}", body);
    }

    public static async Task<Results<Ok<OverdueMaintenanceResponse>, ProblemHttpResult>> GetOverdueMaintenance(
        [FromQuery] string? region, [FromQuery] string? department, [FromQuery] string? limit, InputRules rules, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        if (region is not null)
        {
            rules.Region(errors, "region", region);
        }
        string? slug = null;
        if (department is not null)
        {
            if (DepartmentNames.TryParse(department, out var which))
            {
                slug = DepartmentNames.ToSlug(which);
            }
            else
            {
                errors.Add("department", $"Unknown department '{department}'; expected one of: {string.Join(", ", DepartmentNames.All.Select(DepartmentNames.ToSlug))}.");
            }
        }
        var count = DefaultOverdueLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxOverdueLimit))
        {
            errors.Add("limit", $"limit is a whole number from 1 to {MaxOverdueLimit}.");
        }
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var regions = region is null ? rules.Regions : [region];
        var lists = await Task.WhenAll(regions.Select(r => grains.GetGrain<IMaintenanceOrdersGrain>(r).GetOverdueAsync(slug, count)));
        var overdue = lists.SelectMany(list => list)
            .OrderBy(o => o.Order.Window.End)
            .ThenBy(o => o.CaseNumber, StringComparer.Ordinal)
            .Take(count);
        return TypedResults.Ok(new OverdueMaintenanceResponse(region, slug, [.. overdue]));
    }

    /// <summary>Reads the path, headers and body (<paramref name="readPlan"/>), settles If-Match against the device and
    /// makes the change.</summary>
    private static async Task<Results<Ok<DeviceMaintenanceResponse>, ProblemHttpResult>> ChangePlanAsync(
        string serial, string planId, string? ifMatch, string? actorHeader, IGrainFactory grains, HttpResponse response,
        Func<ValidationErrors, string?, MaintenancePlanTemplate?> readPlan,
        Func<IDeviceGrain, string, MaintenancePlanTemplate?, string, int?, Task<Result<DeviceMaintenance>>> change)
    {
        var errors = new ValidationErrors();
        var deviceSerial = errors.RequiredIdentifier("serial", serial);
        var id = errors.RequiredIdentifier("planId", planId);
        var condition = errors.IfMatch(ifMatch);
        var actor = errors.Actor(actorHeader);
        var plan = readPlan(errors, id);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var device = grains.GetGrain<IDeviceGrain>(deviceSerial!);
        var expected = await condition.ExpectedVersionAsync(async () => (await device.GetAsync())?.Version);
        var result = await change(device, id!, plan, actor!, expected);
        return result.Error is { } error ? error.ToProblem(error.Kind == ErrorKind.Conflict ? "status" : "serial") : Answer(result.Value!, response);
    }

    private static Ok<DeviceMaintenanceResponse> Answer(DeviceMaintenance maintenance, HttpResponse response)
    {
        response.Headers.ETag = ETags.Format(maintenance.Version);
        return TypedResults.Ok(DeviceMaintenanceResponse.From(maintenance));
    }

    private static ProblemHttpResult NoSuchDevice(string serial) =>
        ApiProblems.NotFound("serial", $"No device has the serial number '{serial}'.");
}
