using System.Collections.Immutable;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Devices;
using AfterSales.Maintenance;
using AfterSales.Models;
using AfterSales.Readings;
using AfterSales.Tests.Grains.Infrastructure;

namespace AfterSales.Tests.Grains;

/// <summary>A device's meters: readings all-or-none, counters monotonic unless reset, condition episodes raised once.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DeviceReadingsTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    private static MeterReading Hours(double value, int hour, bool reset = false) => new("operatingHours", value, T0.AddHours(hour), reset);

    private static MeterReading Temp(double value, int hour) => new("bearingTemp", value, T0.AddHours(hour));

    private static readonly MaintenancePlanTemplate Every500Hours =
        new("hours-500", "Every 500 hours", 0, ["Change the oil"], 30) { Meter = "operatingHours", UsageInterval = 500, WindowDays = 10 };

    /// <summary>A device in service of a model with an hours counter, a temperature gauge, a rule (the mean of the last
    /// 3 temperatures above 90 °C for 2 readings in a row) and a plan every 500 hours; a maintenance technician on shift.</summary>
    private async Task<(Scenario Scenario, IDeviceGrain Device)> DeviceAsync()
    {
        var scenario = new Scenario(fixture);
        await scenario.TechnicianAsync(Department.Maintenance, capacity: 10);
        var code = Scenario.NewId("MR");
        var defined = await scenario.Grains.GetGrain<IProductModelGrain>(code).DefineAsync(
            new DefineProductModelRequest($"Model {code}", [], [], [], [Every500Hours], [], 24, "catalogue-admin")
            {
                Meters = [new("operatingHours", "h", MeterKind.Counter), new("bearingTemp", "°C", MeterKind.Gauge)],
                ConditionRules = [new("overheat", "bearingTemp", ConditionStatistic.Mean, 3, ConditionComparison.Above, 90, 2)],
            });
        Assert.True(defined.IsSuccess, defined.Error?.Message);
        await fixture.RefreshModelAsync(code);
        var customer = await scenario.CustomerAsync();
        var device = await scenario.DeviceAsync(customer.Id, code, r => r with { InstalledOn = new DateOnly(2026, 1, 5) });
        return (scenario, scenario.Device(device.Serial));
    }

    private static async Task<ReadingsOutcome> RecordAsync(IDeviceGrain device, params MeterReading[] readings)
    {
        var result = await device.RecordReadingsAsync([.. readings]);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value!;
    }

    private static async Task<string[]> KindsAsync(IDeviceGrain device) =>
        [.. (await device.GetHistoryAsync(0, 1000))!.Events.Select(e => e.Kind)];

    [Fact]
    public async Task ReadingsMoveTheMetersAndACounterResetKeepsTheLifetimeTotal()
    {
        var (_, device) = await DeviceAsync();

        var outcome = await RecordAsync(device, Hours(100, 0), Hours(150, 1), Hours(20, 2, reset: true), Temp(60, 2));

        Assert.Equal((4, 0), (outcome.Applied, outcome.Stale));
        var meters = (await device.GetAsync())!.Meters.ToDictionary(m => m.Meter);
        Assert.Equal((20, 170, 1), (meters["operatingHours"].Value, meters["operatingHours"].Total, meters["operatingHours"].Resets));
        Assert.Equal((60, T0.AddHours(2)), (meters["bearingTemp"].Value, meters["bearingTemp"].At));
        Assert.Contains(DeviceEventKinds.MeterReset, await KindsAsync(device));
    }

    [Fact]
    public async Task ACounterGoingBackwardsIsNamedByItsIndexAndNothingOfTheCallIsApplied()
    {
        var (_, device) = await DeviceAsync();
        await RecordAsync(device, Hours(100, 0));

        var outcome = await RecordAsync(device, Temp(70, 1), Hours(120, 1), Hours(110, 2));

        var rejection = Assert.Single(outcome.Rejections);
        Assert.Equal((2, "value", ErrorKind.Unprocessable), (rejection.Index, rejection.Field, rejection.Kind));
        Assert.Equal(0, outcome.Applied);
        var meter = Assert.Single((await device.GetAsync())!.Meters);
        Assert.Equal(("operatingHours", 100.0), (meter.Meter, meter.Value));
    }

    [Fact]
    public async Task AnUnknownMeterIsRefusedOnMeter()
    {
        var (_, device) = await DeviceAsync();

        var outcome = await RecordAsync(device, new MeterReading("litres", 5, T0));

        Assert.Equal((0, "meter"), (outcome.Rejections[0].Index, outcome.Rejections[0].Field));
    }

    [Fact]
    public async Task AReadingForADeviceNeverRegisteredIsNotFound()
    {
        var result = await fixture.Grains.GetGrain<IDeviceGrain>(Scenario.NewId("SN")).RecordReadingsAsync([Hours(1, 0)]);

        Assert.Equal(ErrorKind.NotFound, result.Error?.Kind);
    }

    [Fact]
    public async Task ARetriedCallIsStaleAndChangesNothing()
    {
        var (_, device) = await DeviceAsync();
        ImmutableArray<MeterReading> call = [Hours(100, 0), Hours(130, 1)];
        await device.RecordReadingsAsync(call);
        var version = (await device.GetAsync())!.Version;

        var retried = await device.RecordReadingsAsync(call);

        Assert.Equal((0, 2), (retried.Value!.Applied, retried.Value.Stale));
        Assert.Equal(version, (await device.GetAsync())!.Version);
    }

    [Fact]
    public async Task AConditionRaisesOneEpisodeWhileItHoldsAndANewOneAfterItCleared()
    {
        var (_, device) = await DeviceAsync();

        // Means of the last three: 90 (not above), 93, 96, 99 — held twice at 96, so the episode begins there.
        await RecordAsync(device, Temp(85, 0), Temp(90, 1), Temp(95, 2), Temp(94, 3), Temp(99, 4), Temp(104, 5), Temp(101, 6));
        var episode = Assert.Single((await device.GetAsync())!.Conditions);
        Assert.Equal(("overheat", T0.AddHours(4)), (episode.RuleId, episode.Since));

        await RecordAsync(device, Temp(60, 7), Temp(60, 8), Temp(95, 9), Temp(97, 10), Temp(99, 11), Temp(99, 12));

        var kinds = await KindsAsync(device);
        Assert.Equal(2, kinds.Count(k => k == DeviceEventKinds.ConditionRaised));
        Assert.Equal(1, kinds.Count(k => k == DeviceEventKinds.ConditionCleared));
        Assert.Equal(T0.AddHours(12), Assert.Single((await device.GetAsync())!.Conditions).Since);
    }

    [Fact]
    public async Task TheConditionsEvidenceNamesTheRuleAndTheWindowsValues()
    {
        var (_, device) = await DeviceAsync();

        await RecordAsync(device, Temp(91, 0), Temp(92, 1), Temp(93, 2), Temp(94, 3));

        var raised = Assert.Single((await device.GetHistoryAsync(0, 1000))!.Events, e => e.Kind == DeviceEventKinds.ConditionRaised);
        Assert.StartsWith("rule overheat: mean of bearingTemp over the last 3 readings is 93 °C, above 90 °C for 2 readings in a row; values 92, 93, 94",
            raised.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MetersRollingWindowsAndEpisodesSurviveDeactivation()
    {
        var (_, device) = await DeviceAsync();
        await RecordAsync(device, Hours(10, 0), Temp(95, 0), Temp(96, 1), Temp(97, 2), Temp(98, 3));
        var before = await device.GetAsync();

        await fixture.Cluster.DeactivateAsync(device);
        // The window of three carried over: one more hot reading keeps the episode, a cool one ends it.
        await RecordAsync(device, Temp(99, 4));

        var after = (await device.GetAsync())!;
        Assert.Equal(before!.Meters.Single(m => m.Meter == "operatingHours"), after.Meters.Single(m => m.Meter == "operatingHours"));
        Assert.Equal(before.Conditions.ToArray(), after.Conditions.ToArray());
        Assert.Equal(1, (await KindsAsync(device)).Count(k => k == DeviceEventKinds.ConditionRaised));
    }

    [Fact]
    public async Task ACounterCrossingAUsagePlansThresholdOpensOneMaintenanceWorkOrderForIt()
    {
        var (scenario, device) = await DeviceAsync();

        var below = await RecordAsync(device, Hours(100, 0), Hours(480, 1));
        var crossing = await RecordAsync(device, Hours(520, 2));
        var after = await RecordAsync(device, Hours(530, 3));

        Assert.Empty(below.WorkOrders);
        Assert.Empty(after.WorkOrders);
        var number = Assert.Single(crossing.WorkOrders);
        var opened = (await scenario.Case(number).GetAsync())!;
        Assert.Equal((CaseType.Maintenance, MaintenanceTriggerKind.Usage, "hours-500", "operatingHours@500"),
            (opened.Type, opened.Maintenance!.Trigger, opened.Maintenance.SourceId, opened.Maintenance.Period));
        // The plan's 10 window days run to the end of the tenth day after the crossing.
        Assert.Equal(new DueWindow(T0.AddHours(2), new DateTimeOffset(2026, 12, 11, 0, 0, 0, TimeSpan.Zero)), opened.Maintenance.Window);
        Assert.Equal(number, Assert.Single((await device.GetAsync())!.MaintenanceOrders).CaseNumber);
    }

    [Fact]
    public async Task AConditionEpisodeOpensOneConditionBasedWorkOrderWithTheRuleAndItsEvidence()
    {
        var (scenario, device) = await DeviceAsync();

        var raised = await RecordAsync(device, Temp(91, 0), Temp(92, 1), Temp(93, 2), Temp(94, 3));
        var holding = await RecordAsync(device, Temp(97, 4), Temp(99, 5));

        var number = Assert.Single(raised.WorkOrders);
        Assert.Empty(holding.WorkOrders);
        var order = (await scenario.Case(number).GetAsync())!.Maintenance!;
        Assert.Equal((MaintenanceTriggerKind.Condition, "overheat"), (order.Trigger, order.SourceId));
        Assert.StartsWith("rule overheat: mean of bearingTemp over the last 3 readings is 93", order.Evidence, StringComparison.Ordinal);
        Assert.Equal(number, Assert.Single((await device.GetAsync())!.Conditions).WorkOrder);
    }
}
