using System.Collections.Immutable;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Devices;
using AfterSales.Reliability;
using AfterSales.Tests.Grains.Infrastructure;

namespace AfterSales.Tests.Grains;

/// <summary>Visits recorded on cases, and the reliability figures a device keeps and its model sums from the facts its
/// devices send.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ReliabilityTests(ClusterFixture fixture)
{
    private DateOnly Today => DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime);

    private static RecordVisitRequest Visit(VisitOutcome outcome, int minutes, string? key = null, string? hash = null) =>
        new(null, "Checked the pump seal.", [new PartUsed("PS-40-SEAL", 1)], minutes, null, null, outcome, "tech-1",
            IdempotencyKey: key, RequestHash: hash);

    /// <summary>A customer with a device of a new model, in service for 30 days, and technicians on shift.</summary>
    private async Task<(Scenario Scenario, string Customer, string Model, string Serial)> InServiceAsync()
    {
        var scenario = new Scenario(fixture);
        await scenario.TechnicianAsync(Department.TechnicalSupport, capacity: 10);
        await scenario.TechnicianAsync(Department.Maintenance, capacity: 10);
        var customer = (await scenario.CustomerAsync()).Id;
        var model = (await scenario.ModelAsync()).Code;
        var device = await scenario.DeviceAsync(customer, model, r => r with { InstalledOn = Today.AddDays(-30) });
        return (scenario, customer, model, device.Serial);
    }

    private IModelReliabilityGrain Model(string code) => fixture.Grains.GetGrain<IModelReliabilityGrain>(code);

    /// <summary>A case notice carrying <paramref name="fact"/> (what the case tells its device after a change).</summary>
    private DeviceCaseNotice Notice(CaseWorkFact fact) => new(fact, "technical-support", "unused", fixture.Clock.GetUtcNow(), "agent-1");

    private static double HoursSince(DateOnly day, DateTimeOffset asOf) =>
        Math.Round((asOf - new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)).TotalHours, 2, MidpointRounding.AwayFromZero);

    [Fact]
    public async Task AFaultCaseFixedOnTheSecondVisitIsARepairButNoFirstTimeFixForTheDeviceAndItsModel()
    {
        var (scenario, customer, model, serial) = await InServiceAsync();
        var fault = await scenario.OpenCaseAsync(customer, CaseType.Fault, deviceSerial: serial);
        await scenario.ApplyAsync(fault.Number, CaseAction.Start);

        var first = await scenario.Case(fault.Number).RecordVisitAsync(Visit(VisitOutcome.FollowUpNeeded, 75));
        fixture.Clock.Advance(TimeSpan.FromHours(6));
        var second = await scenario.Case(fault.Number).RecordVisitAsync(Visit(VisitOutcome.Fixed, 45));
        await scenario.ResolveAsync(fault.Number);
        var device = (await scenario.Device(serial).GetReliabilityAsync())!;
        var ofModel = (await Model(model).GetAsync())!;
        var installed = (await scenario.Device(serial).GetAsync())!.InstalledOn!.Value;

        Assert.Equal((1, 2), (first.Value!.Visit.Id, second.Value!.Visit.Id));
        Assert.Equal(second.Value.CaseVersion, (await scenario.Case(fault.Number).GetAsync())!.Version - 1);
        Assert.Equal([VisitOutcome.FollowUpNeeded, VisitOutcome.Fixed], (await scenario.Case(fault.Number).GetAsync())!.Visits.Select(v => v.Outcome));
        foreach (var figures in new[] { device, ofModel })
        {
            Assert.Equal((1L, 1L, 1L, 0L, 0.0, 2L, 1L), (figures.Failures, figures.Repairs, figures.CasesVisited, figures.FirstTimeFixes,
                figures.FirstTimeFixRate, figures.Visits, figures.FollowUps));
            Assert.Equal((6.0, 120.0), (figures.MttrHours, figures.MeanMinutesOnSite));
            Assert.Equal(1L, figures.Devices);
            Assert.Equal(HoursSince(installed, figures.AsOf), figures.OperatingHours);
            Assert.Equal(figures.OperatingHours, figures.MtbfHours);
        }
        var history = (await scenario.Device(serial).GetHistoryAsync(0, 100))!.Events;
        Assert.Equal([$"fault case {fault.Number}: visit 1, followUpNeeded", $"fault case {fault.Number}: visit 2, fixed"],
            history.Where(e => e.Kind == DeviceEventKinds.VisitRecorded).Select(e => e.Details));
    }

    [Fact]
    public async Task OperatingTimeRunsFromTheInstallationDayToNow()
    {
        var (scenario, _, model, serial) = await InServiceAsync();
        var installed = (await scenario.Device(serial).GetAsync())!.InstalledOn!.Value;

        var figures = (await scenario.Device(serial).GetReliabilityAsync())!;
        var ofModel = (await Model(model).GetAsync())!;

        Assert.Equal(HoursSince(installed, figures.AsOf), figures.OperatingHours);
        Assert.Equal(HoursSince(installed, ofModel.AsOf), ofModel.OperatingHours);
        Assert.Equal((0L, (double?)null), (figures.Failures, figures.MtbfHours));
    }

    [Fact]
    public async Task ADecommissionedDevicesTimeInServiceStopsAtItsDecommissioning()
    {
        var (scenario, _, model, serial) = await InServiceAsync();
        await scenario.Device(serial).DecommissionAsync("Replaced by a newer unit", "manager-1", null);
        var atRetirement = (await Model(model).GetAsync())!.OperatingHours;

        fixture.Clock.Advance(TimeSpan.FromHours(5));
        var later = (await Model(model).GetAsync())!;
        var device = (await scenario.Device(serial).GetReliabilityAsync())!;

        Assert.Equal((1L, atRetirement), (later.Devices, later.OperatingHours));
        Assert.Equal(atRetirement, device.OperatingHours);
    }

    [Fact]
    public async Task AModelSumsTheFactsOfAllItsDevices()
    {
        var (scenario, customer, model, serial) = await InServiceAsync();
        var other = (await scenario.DeviceAsync(customer, model, r => r with { InstalledOn = Today.AddDays(-10) })).Serial;
        var fault = await scenario.OpenCaseAsync(customer, CaseType.Fault, deviceSerial: serial);
        var maintenance = await scenario.OpenCaseAsync(customer, CaseType.Maintenance, deviceSerial: other);

        await scenario.Case(fault.Number).RecordVisitAsync(Visit(VisitOutcome.Fixed, 30));
        await scenario.Case(maintenance.Number).RecordVisitAsync(Visit(VisitOutcome.Fixed, 60));
        var figures = (await Model(model).GetAsync())!;
        var otherDevice = (await scenario.Device(other).GetReliabilityAsync())!;

        Assert.Equal((2L, 1L, 0L, 2L, 2L, 1.0), (figures.Devices, figures.Failures, figures.Repairs, figures.CasesVisited, figures.FirstTimeFixes, figures.FirstTimeFixRate));
        Assert.Equal((0L, 1L), (otherDevice.Failures, otherDevice.CasesVisited));
    }

    [Fact]
    public async Task ARepeatedOrStaleFactChangesNoFigure()
    {
        var (scenario, customer, model, serial) = await InServiceAsync();
        var fault = await scenario.OpenCaseAsync(customer, CaseType.Fault, deviceSerial: serial);
        await scenario.ApplyAsync(fault.Number, CaseAction.Start);
        await scenario.ResolveAsync(fault.Number);
        var resolved = (await scenario.Case(fault.Number).GetAsync())!;
        var before = (await Model(model).GetAsync())!;

        var fact = new CaseWorkFact(fault.Number, serial, CaseType.Fault, CaseStatus.Resolved, resolved.CreatedAt, resolved.ResolvedAt, 0, 0, null, 0, resolved.Version);
        await scenario.Device(serial).OnCaseNoticeAsync(Notice(fact));
        await scenario.Device(serial).OnCaseNoticeAsync(Notice(fact with { Status = CaseStatus.InProgress, Revision = 1 }));
        var after = (await Model(model).GetAsync())!;
        var device = (await scenario.Device(serial).GetReliabilityAsync())!;

        Assert.Equal((1L, 1L), (before.Failures, before.Repairs));
        Assert.Equal((before.Failures, before.Repairs, before.MttrHours), (after.Failures, after.Repairs, after.MttrHours));
        Assert.Equal((1L, 1L), (device.Failures, device.Repairs));
    }

    [Fact]
    public async Task TheFactsSurviveDeactivationSoARepeatAfterwardsIsStillTakenOnce()
    {
        var (scenario, customer, model, serial) = await InServiceAsync();
        var fault = await scenario.OpenCaseAsync(customer, CaseType.Fault, deviceSerial: serial);
        await scenario.Case(fault.Number).RecordVisitAsync(Visit(VisitOutcome.FollowUpNeeded, 30));
        var before = (await Model(model).GetAsync())!;
        var held = (await scenario.Case(fault.Number).GetAsync())!;

        await fixture.Cluster.DeactivateAsync(scenario.Device(serial));
        for (var shard = 0; shard < ReliabilityKeys.Shards; shard++)
        {
            await fixture.Cluster.DeactivateAsync(fixture.Grains.GetGrain<IReliabilityShardGrain>(ReliabilityKeys.Shard(model, shard)));
        }
        await fixture.Cluster.DeactivateAsync(scenario.Case(fault.Number));
        await scenario.Device(serial).OnCaseNoticeAsync(Notice(new CaseWorkFact(fault.Number, serial, CaseType.Fault, held.Status, held.CreatedAt,
            null, 1, 1, VisitOutcome.FollowUpNeeded, 30, held.Version)));
        var after = (await Model(model).GetAsync())!;
        var device = (await scenario.Device(serial).GetReliabilityAsync())!;

        Assert.Equal((1L, 1L, 1L, 1L), (before.Failures, before.CasesVisited, before.Visits, before.FollowUps));
        Assert.Equal((before.Devices, before.Failures, before.CasesVisited, before.Visits, before.FollowUps),
            (after.Devices, after.Failures, after.CasesVisited, after.Visits, after.FollowUps));
        Assert.Equal((1L, 1L, 1L), (device.Failures, device.Visits, device.FollowUps));
        Assert.Single((await scenario.Case(fault.Number).GetAsync())!.Visits);
    }

    [Fact]
    public async Task ACancelledFaultCaseIsNoFailure()
    {
        var (scenario, customer, model, serial) = await InServiceAsync();
        var fault = await scenario.OpenCaseAsync(customer, CaseType.Fault, deviceSerial: serial);
        var opened = (await Model(model).GetAsync())!.Failures;

        await scenario.ApplyAsync(fault.Number, CaseAction.Cancel);

        Assert.Equal((1L, 0L), (opened, (await Model(model).GetAsync())!.Failures));
        Assert.Equal(0L, (await scenario.Device(serial).GetReliabilityAsync())!.Failures);
    }

    [Fact]
    public async Task AClosedCaseTakesNoVisitAndAConsultationNone()
    {
        var (scenario, customer, _, serial) = await InServiceAsync();
        var fault = await scenario.OpenCaseAsync(customer, CaseType.Fault, deviceSerial: serial);
        await scenario.ApplyAsync(fault.Number, CaseAction.Start);
        await scenario.ResolveAsync(fault.Number);
        var afterResolve = await scenario.Case(fault.Number).RecordVisitAsync(Visit(VisitOutcome.Fixed, 20));
        await scenario.ApplyAsync(fault.Number, CaseAction.Close);
        var consultation = await scenario.OpenCaseAsync(customer, CaseType.Consultation);

        var closed = await scenario.Case(fault.Number).RecordVisitAsync(Visit(VisitOutcome.Fixed, 20));
        var wrongType = await scenario.Case(consultation.Number).RecordVisitAsync(Visit(VisitOutcome.Fixed, 20));

        Assert.True(afterResolve.IsSuccess, afterResolve.Error?.Message);
        Assert.Equal(ErrorKind.Conflict, closed.Error?.Kind);
        Assert.Equal((ErrorKind.Unprocessable, "number"), (wrongType.Error?.Kind, wrongType.Error?.Field));
        Assert.Single((await scenario.Case(fault.Number).GetAsync())!.Visits);
        Assert.Empty((await scenario.Case(consultation.Number).GetAsync())!.Visits);
    }

    [Fact]
    public async Task ARetryWithTheKeyAnswersTheVisitItRecordedAndAnotherBodyIsRefused()
    {
        var (scenario, customer, _, serial) = await InServiceAsync();
        var fault = await scenario.OpenCaseAsync(customer, CaseType.Fault, deviceSerial: serial);

        var recorded = await scenario.Case(fault.Number).RecordVisitAsync(Visit(VisitOutcome.Fixed, 30, "k-1", "h-1"));
        var replay = await scenario.Case(fault.Number).RecordVisitAsync(Visit(VisitOutcome.Fixed, 30, "k-1", "h-1"));
        var mismatch = await scenario.Case(fault.Number).RecordVisitAsync(Visit(VisitOutcome.FollowUpNeeded, 30, "k-1", "h-2"));

        Assert.Equal((false, true), (recorded.Replayed, replay.Replayed));
        Assert.Equal((recorded.Value!.Visit.Id, recorded.Value.Visit.RecordedAt), (replay.Value!.Visit.Id, replay.Value.Visit.RecordedAt));
        Assert.Equal(ErrorKind.IdempotencyMismatch, mismatch.Error?.Kind);
        var visits = (await scenario.Case(fault.Number).GetAsync())!.Visits;
        Assert.Equal(1, Assert.Single(visits).Id);
        Assert.Single(await scenario.HistoryAsync(fault.Number), e => e.Action == CaseEventKinds.VisitRecorded);
    }

    [Fact]
    public async Task ABadVisitIsRefusedAtItsFieldAndNothingIsStored()
    {
        var (scenario, customer, _, serial) = await InServiceAsync();
        var fault = await scenario.OpenCaseAsync(customer, CaseType.Fault, deviceSerial: serial);
        var now = fixture.Clock.GetUtcNow();

        var backwards = await scenario.Case(fault.Number).RecordVisitAsync(Visit(VisitOutcome.Fixed, 30) with
        {
            MinutesOnSite = null, StartedAt = now.AddHours(-1), EndedAt = now.AddHours(-2),
        });
        var badPart = await scenario.Case(fault.Number).RecordVisitAsync(Visit(VisitOutcome.Fixed, 30) with
        {
            Parts = ImmutableArray.Create(new PartUsed("PS-40", 0)),
        });

        Assert.Equal((ErrorKind.Validation, "endedAt"), (backwards.Error?.Kind, backwards.Error?.Field));
        Assert.Equal((ErrorKind.Validation, "parts[0].quantity"), (badPart.Error?.Kind, badPart.Error?.Field));
        Assert.Empty((await scenario.Case(fault.Number).GetAsync())!.Visits);
    }
}
