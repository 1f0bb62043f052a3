using System.Collections.Immutable;
using AfterSales.Common;
using AfterSales.Devices;
using AfterSales.Models;
using AfterSales.Readings;

namespace AfterSales.Bench.Drivers.InProc;

/// <summary>The readings scenario's calls as grain calls: the batch is grouped by device and each device gets its rows
/// in one call, as the API's handler does.</summary>
internal sealed partial class InProcTarget
{
    public async Task<CallResult> DefineMeteredModelAsync(string code, CancellationToken cancellationToken) =>
        ToResult(await _grains.GetGrain<IProductModelGrain>(code).DefineAsync(
            new DefineProductModelRequest($"Metered model {code}", [], [], [], [], [], 24, Actor)
            {
                Meters = [new(MeteredModel.Counter, "h", MeterKind.Counter), new(MeteredModel.Gauge, "°C", MeterKind.Gauge)],
                ConditionRules = [new("overheat", MeteredModel.Gauge, ConditionStatistic.Mean, MeteredModel.RuleWindow, ConditionComparison.Above, MeteredModel.RuleThreshold)],
            }).WaitAsync(cancellationToken));

    public async Task<CallResult> RegisterDeviceAsync(string serial, string model, string customerId, CancellationToken cancellationToken) =>
        ToResult(await _grains.GetGrain<IDeviceGrain>(serial).RegisterAsync(
            new RegisterDeviceRequest(model, customerId, null, DateOnly.Parse(MeteredModel.InstalledOn, System.Globalization.CultureInfo.InvariantCulture), null))
            .WaitAsync(cancellationToken));

    public async Task<CallResult<int>> RecordBatchAsync(IReadOnlyList<ReadingRow> rows, CancellationToken cancellationToken)
    {
        var byDevice = rows.GroupBy(r => r.Serial, StringComparer.Ordinal)
            .Select(g => (Serial: g.Key, Readings: g.Select(r => new MeterReading(r.Meter, r.Value, r.At)).ToImmutableArray()))
            .ToList();
        var results = await Task.WhenAll(byDevice.Select(d => _grains.GetGrain<IDeviceGrain>(d.Serial).RecordReadingsAsync(d.Readings)))
            .WaitAsync(cancellationToken);
        var applied = 0;
        foreach (var result in results)
        {
            if (result.Error is { } error)
            {
                return Failure(error);
            }
            if (!result.Value!.IsAccepted)
            {
                return CallResult.Fail(nameof(ErrorKind.Unprocessable), result.Value.Rejections[0].Message);
            }
            applied += result.Value.Applied;
        }
        return CallResult<int>.Ok(applied);
    }
}
