using AfterSales.Api.Hosting;
using AfterSales.Api.Http;
using AfterSales.Api.Idempotency;
using AfterSales.Api.Problems;
using AfterSales.Api.Validation;
using AfterSales.Devices;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Api.Devices;

/// <summary><c>/api/devices</c>: register and read devices.</summary>
internal static class DevicesApi
{
    public static RouteGroupBuilder MapDevicesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/devices").WithTags("Devices");

        group.MapPost("", CreateDevice)
            .WithName(nameof(CreateDevice))
            .WithSummary("Register a device to its owner")
            .WithDescription("The serial number is the device's id. The owning customer must exist (else 404). "
                + "Send an Idempotency-Key to make retries safe.")
            .ProducesProblems(400, 404, 409, 413, 415, 422);

        group.MapGet("/{serial}", GetDevice)
            .WithName(nameof(GetDevice))
            .WithSummary("Get a device")
            .WithDescription("Model, owner, site, installation date, warranty end and status of a device, by its serial number.")
            .ProducesProblems(400, 404);

        return api;
    }

    public static async Task<Results<Created<DeviceResponse>, ProblemHttpResult>> CreateDevice(
        CreateDeviceRequest request,
        [FromHeader(Name = ApiHeaders.IdempotencyKey)] string? idempotencyKey,
        IGrainFactory grains,
        HttpResponse response)
    {
        var errors = new ValidationErrors();
        var key = errors.IdempotencyKey(idempotencyKey);
        var (serial, command) = request.Validate(errors);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var hash = RequestHash.Of(IdempotentCreate.Devices, new { serial, command });
        return await IdempotentCreate.ExecuteAsync(grains, response, IdempotentCreate.Devices, key, hash, ResourceIdSource.Proposed(serial!),
            deviceSerial => grains.GetGrain<IDeviceGrain>(deviceSerial).RegisterAsync(command! with { IdempotencyKey = key, RequestHash = hash }),
            error => error.ToProblem("serial", notFoundField: "customerId"),
            "/api/devices", DeviceResponse.From);
    }

    public static async Task<Results<Ok<DeviceResponse>, ProblemHttpResult>> GetDevice(string serial, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        if (errors.RequiredIdentifier("serial", serial) is null)
        {
            return errors.ToProblem();
        }
        var device = await grains.GetGrain<IDeviceGrain>(serial).GetAsync();
        return device is null
            ? ApiProblems.NotFound("serial", $"No device has the serial number '{serial}'.")
            : TypedResults.Ok(DeviceResponse.From(device));
    }
}
