using System.Globalization;
using AfterSales.Api.Cases;
using AfterSales.Api.Hosting;
using AfterSales.Api.Http;
using AfterSales.Api.Idempotency;
using AfterSales.Api.Problems;
using AfterSales.Api.Validation;
using AfterSales.Devices;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Api.Devices;

/// <summary><c>/api/devices</c>: register devices, read them and their history, decommission them.</summary>
internal static class DevicesApi
{
    public static RouteGroupBuilder MapDevicesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/devices").WithTags("Devices");

        group.MapPost("", CreateDevice)
            .WithName(nameof(CreateDevice))
            .WithSummary("Register a device to its owner")
            .WithDescription("The serial number is the device's id. The owning customer and the product model must exist "
                + "(else 404 on customerId or model). Without installedOn the device is shipped and waits for its installation. "
                + "Send an Idempotency-Key to make retries safe.")
            .ProducesProblems(400, 404, 409, 413, 415, 422);

        group.MapDeviceImport();

        group.MapGet("/{serial}", GetDevice)
            .WithName(nameof(GetDevice))
            .WithSummary("Get a device")
            .WithDescription("Model, owner, site, status, warranty, service contracts, commissioning baseline and open cases of a "
                + "device, by its serial number; answers with an ETag.")
            .ProducesProblems(400, 404);

        group.MapGet("/{serial}/history", GetDeviceHistory)
            .WithName(nameof(GetDeviceHistory))
            .WithSummary("Page through a device's life, oldest first")
            .WithDescription("Every change is an event (id, per-device sequence, time, actor, kind, status from → to, details): "
                + "registered, installed, commissioned, commissioningFailed, caseOpened, caseEnded, contractAdded, contractChanged, "
                + "maintenanceDue, maintenanceRefused, maintenancePlanChanged, "
                + $"decommissioned. after: the sequence to continue after (default 0); limit: 1 to {CaseHistoryQuery.MaxLimit} "
                + $"(default {CaseHistoryQuery.DefaultLimit}). next (and the Link header, rel=next) names the following page.")
            .ProducesProblems(400, 404);

        group.MapPost("/{serial}/decommission", DecommissionDevice)
            .WithName(nameof(DecommissionDevice))
            .WithSummary("Take a device out of service for good")
            .WithDescription("Refused with 409 while fault or maintenance cases about the device are open, and when it is already "
                + "decommissioned. Send If-Match with the ETag last read to refuse the change when the device changed meanwhile (412).")
            .ProducesProblems(400, 404, 409, 412, 413, 415);

        return api;
    }

    public static async Task<Results<Created<DeviceResponse>, ProblemHttpResult>> CreateDevice(
        CreateDeviceRequest request,
        [FromHeader(Name = ApiHeaders.IdempotencyKey)] string? idempotencyKey,
        [FromHeader(Name = ApiHeaders.Actor)] string? actorHeader,
        IGrainFactory grains,
        HttpResponse response)
    {
        var errors = new ValidationErrors();
        var key = errors.IdempotencyKey(idempotencyKey);
        var actor = errors.Actor(actorHeader);
        var (serial, command) = request.Validate(errors, actor ?? RequestHeaders.DefaultActor);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var hash = CreateDeviceRequest.HashOf(serial!, command!);
        return await IdempotentCreate.ExecuteAsync(grains, response, IdempotentCreate.Devices, key, hash, ResourceIdSource.Proposed(serial!),
            deviceSerial => grains.GetGrain<IDeviceGrain>(deviceSerial).RegisterAsync(command! with { IdempotencyKey = key, RequestHash = hash }),
            error => error.ToProblem("serial", notFoundField: "customerId"),
            "/api/devices", DeviceResponse.From, (device, answer) => answer.Headers.ETag = ETags.Format(device.Version));
    }

    public static async Task<Results<Ok<DeviceResponse>, ProblemHttpResult>> GetDevice(string serial, IGrainFactory grains, HttpResponse response)
    {
        var errors = new ValidationErrors();
        if (errors.RequiredIdentifier("serial", serial) is null)
        {
            return errors.ToProblem();
        }
        var device = await grains.GetGrain<IDeviceGrain>(serial).GetAsync();
        if (device is null)
        {
            return NoSuchDevice(serial);
        }
        response.Headers.ETag = ETags.Format(device.Version);
        return TypedResults.Ok(DeviceResponse.From(device));
    }

    public static async Task<Results<Ok<DeviceHistoryResponse>, ProblemHttpResult>> GetDeviceHistory(
        string serial, [FromQuery] string? after, [FromQuery] string? limit, HttpResponse response, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        var query = CaseHistoryQuery.Parse(errors, after, limit);
        if (errors.RequiredIdentifier("serial", serial) is null || errors.HasErrors)
        {
            return errors.ToProblem();
        }
        if (await grains.GetGrain<IDeviceGrain>(serial).GetHistoryAsync(query.After, query.Limit) is not { } page)
        {
            return NoSuchDevice(serial);
        }
        var events = page.Events.OrEmpty();
        var next = events.Length > 0 && events[^1].Sequence < page.LastSequence
            ? CaseHistoryQuery.PageLink("devices", serial, events[^1].Sequence, query.Limit)
            : null;
        if (next is not null)
        {
            response.Headers.Link = $"<{next}>; rel=\"next\"";
        }
        return TypedResults.Ok(new DeviceHistoryResponse([.. events], page.LastSequence, next));
    }

    public static async Task<Results<Ok<DeviceResponse>, ProblemHttpResult>> DecommissionDevice(
        string serial,
        DecommissionRequest request,
        [FromHeader(Name = ApiHeaders.IfMatch)] string? ifMatch,
        [FromHeader(Name = ApiHeaders.Actor)] string? actorHeader,
        IGrainFactory grains,
        HttpResponse response)
    {
        var errors = new ValidationErrors();
        var deviceSerial = errors.RequiredIdentifier("serial", serial);
        var condition = errors.IfMatch(ifMatch);
        var actor = errors.Actor(actorHeader);
        var reason = errors.RequiredMultilineText("reason", request.Reason, Limits.Reason);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var device = grains.GetGrain<IDeviceGrain>(deviceSerial!);
        var expected = await condition.ExpectedVersionAsync(async () => (await device.GetAsync())?.Version);
        var result = await device.DecommissionAsync(reason!, actor!, expected);
        if (result.Error is { } error)
        {
            return error.ToProblem(error.Kind == Common.ErrorKind.Conflict ? "status" : "serial");
        }
        response.Headers.ETag = ETags.Format(result.Value!.Version);
        return TypedResults.Ok(DeviceResponse.From(result.Value));
    }

    private static ProblemHttpResult NoSuchDevice(string serial) =>
        ApiProblems.NotFound("serial", $"No device has the serial number '{serial}'.");
}
