using System.Net;
using AfterSales.Api.Readings;
using AfterSales.Cases;
using AfterSales.Tests.Api.Infrastructure;
using static AfterSales.Tests.Api.Infrastructure.ReadingsDriver;

namespace AfterSales.Tests.Api;

/// <summary>Meter readings through the API: one at a time and in batches, with every bad row named.</summary>
[Collection(ApiCollection.Name)]
public sealed class ReadingsTests(ApiApplication app) : IDisposable
{
    private readonly ApiDriver api = new(app.CreateApiClient());

    private readonly string region = app.NewRegion();

    private ReadingsDriver Readings => new(api, region);

    public void Dispose() => api.Client.Dispose();

    private static (int Readings, int Applied, int Stale) Counts(ReadingsResponse answer) => (answer.Readings, answer.Applied, answer.Stale);

    [Fact]
    public async Task ASingleReadingMovesTheMeterAndARetryIsStale()
    {
        var device = await Readings.MeteredDeviceAsync();

        using var first = await Readings.RecordAsync(device.Serial, Reading("operatingHours", 120.5, 0));
        using var retry = await Readings.RecordAsync(device.Serial, Reading("operatingHours", 120.5, 0));

        Assert.Equal((1, 1, 0), Counts(await ApiDriver.ReadAsync<ReadingsResponse>(first, HttpStatusCode.OK)));
        Assert.Equal((1, 0, 1), Counts(await ApiDriver.ReadAsync<ReadingsResponse>(retry, HttpStatusCode.OK)));
        var meter = Assert.Single((await Readings.DeviceAsync(device.Serial)).Meters);
        Assert.Equal(("operatingHours", 120.5, T0), (meter.Meter, meter.Value, meter.At));
    }

    [Fact]
    public async Task ACounterGoingBackwardsIs422OnValueUnlessTheReadingSaysReset()
    {
        var device = await Readings.MeteredDeviceAsync();
        (await Readings.RecordAsync(device.Serial, Reading("operatingHours", 500, 0))).Dispose();

        using var backwards = await Readings.RecordAsync(device.Serial, Reading("operatingHours", 20, 1));
        using var reset = await Readings.RecordAsync(device.Serial, Reading("operatingHours", 20, 1, reset: true));

        await Problem.AssertAsync(backwards, HttpStatusCode.UnprocessableEntity, "value");
        await ApiDriver.ReadAsync<ReadingsResponse>(reset, HttpStatusCode.OK);
        var meter = Assert.Single((await Readings.DeviceAsync(device.Serial)).Meters);
        Assert.Equal((20, 520, 1), (meter.Value, meter.Total, meter.Resets));
    }

    [Fact]
    public async Task AReadingForAnUnknownDeviceIs404AndAnUnknownMeter422()
    {
        var device = await Readings.MeteredDeviceAsync();

        using var unknownDevice = await Readings.RecordAsync(ApiDriver.Unique("SN"), Reading("operatingHours", 1, 0));
        using var unknownMeter = await Readings.RecordAsync(device.Serial, Reading("litres", 1, 0));
        using var missing = await api.PostAsync($"/api/devices/{device.Serial}/readings", new { meter = "operatingHours" });

        await Problem.AssertAsync(unknownDevice, HttpStatusCode.NotFound, "serial");
        await Problem.AssertAsync(unknownMeter, HttpStatusCode.UnprocessableEntity, "meter");
        var problem = await Problem.AssertAsync(missing, HttpStatusCode.BadRequest, "value");
        Assert.NotEmpty(Problem.Messages(problem, "at"));
    }

    [Fact]
    public async Task ABatchAppliesEveryDevicesRowsAndCountsThem()
    {
        var model = await Readings.MeteredModelAsync();
        var one = await Readings.MeteredDeviceAsync(model);
        var two = await Readings.MeteredDeviceAsync(model);

        var answer = await Readings.BatchOkAsync(
            Row(one.Serial, "operatingHours", 10, 0), Row(two.Serial, "operatingHours", 7, 0),
            Row(one.Serial, "operatingHours", 12, 1), Row(two.Serial, "bearingTemp", 40, 1));

        Assert.Equal((4, 4, 0, 2), (answer.Readings, answer.Applied, answer.Stale, answer.Devices));
        Assert.Empty(answer.WorkOrders);
        Assert.Equal(12, Assert.Single((await Readings.DeviceAsync(one.Serial)).Meters).Value);
        Assert.Equal(2, (await Readings.DeviceAsync(two.Serial)).Meters.Length);
    }

    [Fact]
    public async Task AMalformedRowRefusesTheWholeBatchWithItsIndexAndNothingIsApplied()
    {
        var device = await Readings.MeteredDeviceAsync();

        using var response = await Readings.BatchAsync(
            Row(device.Serial, "operatingHours", 10, 0), new { serial = device.Serial, meter = "operatingHours", at = T0 });

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "readings[1].value");
        Assert.Empty((await Readings.DeviceAsync(device.Serial)).Meters);
    }

    [Fact]
    public async Task ARefusedRowIsNamedItsDeviceAppliesNoneOfItsRowsAndOtherDevicesKeepTheirs()
    {
        var model = await Readings.MeteredModelAsync();
        var good = await Readings.MeteredDeviceAsync(model);
        var bad = await Readings.MeteredDeviceAsync(model);
        await Readings.BatchOkAsync(Row(bad.Serial, "operatingHours", 100, 0));
        var unknown = ApiDriver.Unique("SN");

        using var response = await Readings.BatchAsync(
            Row(good.Serial, "operatingHours", 5, 1), Row(bad.Serial, "operatingHours", 150, 1),
            Row(bad.Serial, "operatingHours", 90, 2), Row(unknown, "operatingHours", 1, 1));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity, "readings[2].value");
        Assert.NotEmpty(Problem.Messages(problem, "readings[3].serial"));
        Assert.Equal(1, problem.GetProperty("applied").GetInt32());
        Assert.Equal(5, Assert.Single((await Readings.DeviceAsync(good.Serial)).Meters).Value);
        Assert.Equal(100, Assert.Single((await Readings.DeviceAsync(bad.Serial)).Meters).Value);
    }

    [Fact]
    public async Task AConditionOpensOneConditionBasedWorkOrderForItsEpisode()
    {
        var device = await Readings.MeteredDeviceAsync();

        var raised = await Readings.BatchOkAsync(Row(device.Serial, "bearingTemp", 95, 0), Row(device.Serial, "bearingTemp", 97, 1));
        var holding = await Readings.BatchOkAsync(Row(device.Serial, "bearingTemp", 99, 2));

        var number = Assert.Single(raised.WorkOrders);
        Assert.Empty(holding.WorkOrders);
        var current = await Readings.DeviceAsync(device.Serial);
        var episode = Assert.Single(current.Conditions);
        Assert.Equal(("overheat", T0, number), (episode.RuleId, episode.Since, episode.WorkOrder));
        var (order, _) = await api.GetCaseAsync(number);
        Assert.Equal((CaseType.Maintenance, region), (order.Type, order.Region));
        Assert.Contains(number, current.OpenCases);
    }

    [Fact]
    public async Task ACounterCrossingAUsagePlansThresholdAnswersItsMaintenanceWorkOrder()
    {
        var device = await Readings.MeteredDeviceAsync();

        var below = await Readings.BatchOkAsync(Row(device.Serial, "operatingHours", 450, 0));
        var crossing = await Readings.BatchOkAsync(Row(device.Serial, "operatingHours", 505, 1), Row(device.Serial, "operatingHours", 510, 2));

        Assert.Empty(below.WorkOrders);
        var number = Assert.Single(crossing.WorkOrders);
        var (order, _) = await api.GetCaseAsync(number);
        Assert.Equal((CaseType.Maintenance, region), (order.Type, order.Region));
        Assert.Contains(number, (await Readings.DeviceAsync(device.Serial)).MaintenanceOrders.Select(o => o.CaseNumber));
    }

    [Fact]
    public async Task AModelRuleOnAMeterItDoesNotDefineIs400OnTheRulesMeter()
    {
        var body = MeteredModelBody();
        body["conditionRules"] = new object[] { new { id = "r", meter = "nope", statistic = "max", window = 3, comparison = "above", threshold = 1 } };

        using var response = await api.PutAsync($"/api/models/{ApiDriver.Unique("HXM")}", body);

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "conditionRules[0].meter");
    }
}
