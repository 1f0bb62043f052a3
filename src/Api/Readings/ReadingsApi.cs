using System.Collections.Immutable;
using AfterSales.Api.Hosting;
using AfterSales.Api.Problems;
using AfterSales.Api.Validation;
using AfterSales.Common;
using AfterSales.Devices;
using AfterSales.Readings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Api.Readings;

/// <summary>Meter readings: one device's reading, and batches of many devices' readings as a gateway sends them.</summary>
internal static class ReadingsApi
{
    public static RouteGroupBuilder MapReadingsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/devices/{serial}/readings", RecordReading)
            .WithTags("Readings")
            .WithName(nameof(RecordReading))
            .WithSummary("Record a reading of one of a device's meters")
            .WithDescription("The meter must be one of the device's model (else 422 on meter). A counter only counts up: a value below "
                + "the last one is refused with 422 unless reset is true. A reading at or before the meter's last one is already "
                + "superseded and ignored (stale: 1), so a retry is safe. When the answer is 200 the reading is durable. A reading "
                + "crossing a usage plan's threshold or raising a condition rule opens the maintenance work order, listed in workOrders.")
            .ProducesProblems(400, 404, 409, 413, 415, 422);

        api.MapPost("/readings/batch", RecordBatch)
            .WithTags("Readings")
            .WithName(nameof(RecordBatch))
            .WithMetadata(new RequestSizeLimitAttribute(ReadingLimits.BatchBodyBytes))
            .WithSummary("Record readings of many devices in one request")
            .WithDescription($"1 to {ReadingLimits.BatchRows} rows. A row that is malformed (missing or invalid field) refuses the whole batch "
                + "with 400 and nothing is applied. Otherwise each device applies its own rows all or none: a device that refuses one "
                + "of its rows (unknown device, unknown meter, a counter going backwards without reset) applies none of them, and the "
                + "answer is 422 naming every refused row as readings[index].field, with how many rows the other devices applied "
                + "(applied, stale). Resending the corrected batch is safe: rows already applied are stale and ignored. When the "
                + "answer is 200 every applied row is durable.")
            .ProducesProblems(400, 413, 415, 422);

        return api;
    }

    public static async Task<Results<Ok<ReadingsResponse>, ProblemHttpResult>> RecordReading(
        string serial, ReadingRequest request, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        errors.RequiredIdentifier("serial", serial);
        var reading = request.ToContract(errors, null);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var result = await grains.GetGrain<IDeviceGrain>(serial).RecordReadingsAsync([reading!]);
        if (result.Error is { } error)
        {
            return error.ToProblem("serial");
        }
        var outcome = result.Value!;
        if (!outcome.IsAccepted)
        {
            var rejection = outcome.Rejections[0];
            return ApiProblems.Create(CommandErrorProblems.StatusOf(rejection.Kind), rejection.Field, rejection.Message);
        }
        return TypedResults.Ok(new ReadingsResponse(1, outcome.Applied, outcome.Stale, 1, [.. outcome.WorkOrders]));
    }

    public static async Task<Results<Ok<ReadingsResponse>, ProblemHttpResult>> RecordBatch(BatchReadingsRequest request, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        var byDevice = Group(request, errors);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }
        var devices = byDevice!.ToArray();
        var results = await Task.WhenAll(devices.Select(device =>
            grains.GetGrain<IDeviceGrain>(device.Key).RecordReadingsAsync(device.Value.Readings.ToImmutable())));

        int applied = 0, stale = 0;
        var workOrders = new List<string>();
        for (var d = 0; d < devices.Length; d++)
        {
            var (serial, rows) = (devices[d].Key, devices[d].Value);
            var result = results[d];
            if (result.Error is { } error)
            {
                foreach (var index in rows.Indexes)
                {
                    errors.Add(Row(index, "serial"), error.Kind == ErrorKind.NotFound ? $"No device has the serial number '{serial}'." : error.Message);
                }
                continue;
            }
            var outcome = result.Value!;
            foreach (var rejection in outcome.Rejections.OrEmpty())
            {
                errors.Add(Row(rows.Indexes[rejection.Index], rejection.Field), rejection.Message);
            }
            applied += outcome.Applied;
            stale += outcome.Stale;
            workOrders.AddRange(outcome.WorkOrders.OrEmpty());
        }
        if (errors.HasErrors)
        {
            return ApiProblems.Create(StatusCodes.Status422UnprocessableEntity, errors.ToDictionary(),
                "Some rows were refused; their devices applied none of their rows. Rows of other devices were applied.",
                [new("applied", applied), new("stale", stale)]);
        }
        return TypedResults.Ok(new ReadingsResponse(request.Readings!.Count, applied, stale, devices.Length, [.. workOrders]));
    }

    /// <summary>The rows by device, each with its index in the batch; null (and errors) when any row is malformed.</summary>
    private static Dictionary<string, DeviceRows>? Group(BatchReadingsRequest request, ValidationErrors errors)
    {
        if (request.Readings is not { Count: > 0 } rows)
        {
            errors.Add("readings", $"A batch carries 1 to {ReadingLimits.BatchRows} readings.");
            return null;
        }
        if (rows.Count > ReadingLimits.BatchRows)
        {
            errors.Add("readings", $"A batch carries at most {ReadingLimits.BatchRows} readings; split it.");
            return null;
        }
        var byDevice = new Dictionary<string, DeviceRows>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i] is not { } row)
            {
                errors.Add(Row(i, null), FieldRules.Required);
                continue;
            }
            var serial = errors.RequiredIdentifier(Row(i, "serial"), row.Serial);
            var reading = new ReadingRequest(row.Meter, row.Value, row.At, row.Reset).ToContract(errors, Row(i, null));
            if (serial is null || reading is null || errors.HasErrors)
            {
                continue;
            }
            if (!byDevice.TryGetValue(serial, out var device))
            {
                byDevice[serial] = device = new DeviceRows();
            }
            device.Add(i, reading);
        }
        return errors.HasErrors ? null : byDevice;
    }

    private static string Row(int index, string? field) => FieldPaths.Item("readings", index, field);

    /// <summary>One device's rows of a batch, with their indexes in the batch.</summary>
    private sealed class DeviceRows
    {
        public ImmutableArray<MeterReading>.Builder Readings { get; } = ImmutableArray.CreateBuilder<MeterReading>();

        public List<int> Indexes { get; } = [];

        public void Add(int index, MeterReading reading)
        {
            Readings.Add(reading);
            Indexes.Add(index);
        }
    }
}
