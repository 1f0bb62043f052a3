using System.Collections.Immutable;
using System.Globalization;
using AfterSales.Api.Hosting;
using AfterSales.Api.Http;
using AfterSales.Api.Problems;
using AfterSales.Api.Validation;
using AfterSales.Common;
using AfterSales.Devices;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Api.Devices;

/// <summary><c>POST /api/devices/batch</c>: a fleet of devices registered in one request.</summary>
internal static class DeviceImportApi
{
    public static RouteGroupBuilder MapDeviceImport(this RouteGroupBuilder devices)
    {
        devices.MapPost("/batch", ImportDevices)
            .WithName(nameof(ImportDevices))
            .WithMetadata(new RequestSizeLimitAttribute(DeviceImportLimits.BatchBodyBytes))
            .WithSummary("Register many devices in one request")
            .WithDescription($"1 to {DeviceImportLimits.BatchRows} rows, each a registration as POST /api/devices takes, serials unique in the "
                + "batch. A malformed row refuses the whole batch with 400 naming it (devices[17].serial), and a row naming a customer "
                + "or model that does not exist with 404 (devices[17].customerId): nothing is stored. Otherwise every row is applied "
                + "on its own: a device registered exactly so before is unchanged (resending a batch is safe), a serial registered "
                + "otherwise is refused, and the answer is then 409 naming those rows (devices[i].serial) with every row's outcome "
                + "in results — the other rows are stored. When the answer is 200 or 409, what was stored is durable and the plans' "
                + "first occurrences are with the scheduler. A 503 may leave part of the batch stored: resend it.")
            .ProducesProblems(400, 404, 409, 413, 415);
        return devices;
    }

    public static async Task<Results<Ok<ImportDevicesResponse>, ProblemHttpResult>> ImportDevices(
        ImportDevicesRequest request,
        [FromHeader(Name = ApiHeaders.Actor)] string? actorHeader,
        IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        var actor = errors.Actor(actorHeader);
        var rows = Rows(request, errors, actor ?? RequestHeaders.DefaultActor);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var outcome = await grains.GetGrain<IFleetImportGrain>(0).ImportAsync(rows);
        var results = outcome.Rows.Select((r, i) => new ImportedDevice(rows[i].Serial, r.Status)).ToArray();
        for (var i = 0; i < outcome.Rows.Length; i++)
        {
            if (outcome.Rows[i].Error is { } error)
            {
                errors.Add(Row(i, error.Field ?? "serial"), error.Message);
            }
        }
        var created = results.Count(r => r.Outcome == DeviceImportStatus.Created);
        var unchanged = results.Count(r => r.Outcome == DeviceImportStatus.Unchanged);
        if (!outcome.Tried)
        {
            return ApiProblems.Create(StatusCodes.Status404NotFound, errors.ToDictionary(),
                "Some rows name a customer or model that does not exist; nothing was stored.",
                [new("results", results)]);
        }
        if (errors.HasErrors)
        {
            return ApiProblems.Create(StatusCodes.Status409Conflict, errors.ToDictionary(),
                "Some serials are registered otherwise; those rows were refused, the other rows were stored.",
                [new("created", created), new("unchanged", unchanged), new("results", results)]);
        }
        return TypedResults.Ok(new ImportDevicesResponse(results.Length, created, unchanged, results));
    }

    /// <summary>The rows as the import takes them; empty (and errors) when any row is malformed or a serial repeats.</summary>
    private static ImmutableArray<FleetImportRow> Rows(ImportDevicesRequest request, ValidationErrors errors, string actor)
    {
        if (request.Devices is not { Count: > 0 and <= DeviceImportLimits.BatchRows } devices)
        {
            errors.Add("devices", request.Devices is { Count: > DeviceImportLimits.BatchRows }
                ? $"A batch carries at most {DeviceImportLimits.BatchRows} devices; split it."
                : $"A batch carries 1 to {DeviceImportLimits.BatchRows} devices.");
            return [];
        }
        var rows = ImmutableArray.CreateBuilder<FleetImportRow>(devices.Count);
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < devices.Count; i++)
        {
            if (devices[i] is not { } device)
            {
                errors.Add(Row(i, null), FieldRules.Required);
                continue;
            }
            var (serial, command) = device.Validate(errors, actor, Row(i, null));
            if (serial is not null && !first.TryAdd(serial, i))
            {
                errors.Add(Row(i, "serial"), string.Create(CultureInfo.InvariantCulture,
                    $"Serial {serial} is also in row {first[serial]}; a batch names each device once."));
            }
            if (serial is not null && command is not null)
            {
                rows.Add(new FleetImportRow(serial, command with { RequestHash = CreateDeviceRequest.HashOf(serial, command) }));
            }
        }
        return errors.HasErrors ? [] : rows.MoveToImmutable();
    }

    private static string Row(int index, string? field) => FieldPaths.Item("devices", index, field);
}
