using System.Collections.Immutable;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Departments;
using AfterSales.Technicians;
using AfterSales.Tests.Grains.Infrastructure;

namespace AfterSales.Tests.Grains;

/// <summary>Presence, off-shift return and weekly shift patterns.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PresenceTests(ClusterFixture fixture)
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById(ClusterFixture.BerlinZone);

    private static readonly ImmutableArray<DayOfWeek> Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>The next Monday (Berlin date) at least a day after the clock's now: the clock only moves forward.</summary>
    private DateTime NextMonday()
    {
        var day = TimeZoneInfo.ConvertTime(fixture.Clock.GetUtcNow(), Berlin).Date.AddDays(1);
        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(1);
        }
        return day;
    }

    private void SetBerlinTime(DateTime day, int hour)
    {
        var local = day.AddHours(hour);
        fixture.Clock.SetUtcNow(new DateTimeOffset(local, Berlin.GetUtcOffset(local)));
    }

    [Fact]
    public async Task GoingOffShiftReturnsTheCasesNotStartedToTheQueueForAnotherTechnician()
    {
        var scenario = new Scenario(fixture);
        var leaving = await scenario.TechnicianAsync(Department.TechnicalSupport, capacity: 6);
        var started = await scenario.OpenForNewCustomerAsync();
        var waiting = await scenario.OpenForNewCustomerAsync();
        Assert.Equal((leaving, leaving), (started.AssignedTechnicianId, waiting.AssignedTechnicianId));
        await scenario.ApplyAsync(started.Number, CaseAction.Start);
        var staying = await scenario.TechnicianAsync(Department.TechnicalSupport, capacity: 6);
        // The department queues the returned case and its drain hands it over: the case taking it is the barrier.
        var reassigned = fixture.Calls.Returned<bool>(scenario.Case(waiting.Number), nameof(ICaseGrain.OnAssignedAsync), accepted => accepted);

        var off = await scenario.PresenceAsync(leaving, Presence.OffShift);

        Assert.Equal((Presence.OffShift, false), (off.Presence, off.OnShift));
        Assert.Equal([started.Number], await scenario.AssignedCasesAsync(leaving));
        await reassigned;
        var moved = await scenario.Case(waiting.Number).GetAsync();
        Assert.Equal((CaseStatus.Assigned, staying), (moved!.Status, moved.AssignedTechnicianId));
        Assert.Equal([waiting.Number], await scenario.AssignedCasesAsync(staying));
        Assert.Equal(CaseStatus.InProgress, (await scenario.Case(started.Number).GetAsync())!.Status);
        var history = await scenario.HistoryAsync(waiting.Number);
        var returned = history.Single(e => e.Action == "returned");
        Assert.Equal((CaseStatus.Assigned, CaseStatus.New), (returned.From!.Value, returned.To!.Value));
        Assert.Equal($"returned to queue: technician went off shift ({leaving})", returned.Details);
        Assert.Equal("assigned", history[^1].Action);
    }

    [Fact]
    public async Task AReturnedCaseWaitsInTheQueueAndCannotBeStartedByItsFormerTechnician()
    {
        var scenario = new Scenario(fixture);
        var technician = await scenario.TechnicianAsync(Department.TechnicalSupport);
        var opened = await scenario.OpenForNewCustomerAsync();
        var returned = fixture.Calls.Handled(scenario.Department(Department.TechnicalSupport), nameof(IDepartmentGrain.CasesReturnedAsync));

        await scenario.PresenceAsync(technician, Presence.OffShift);
        var start = await scenario.Case(opened.Number).ApplyAsync(new CaseCommand(CaseAction.Start, "tech-1"));

        Assert.Equal(ErrorKind.Conflict, start.Error?.Kind);
        await returned;
        Assert.Equal([opened.Number], await scenario.QueueAsync(Department.TechnicalSupport));
        var snapshot = await scenario.Case(opened.Number).GetAsync();
        Assert.Equal((CaseStatus.New, (string?)null), (snapshot!.Status, snapshot.AssignedTechnicianId));
        Assert.Empty(await scenario.AssignedCasesAsync(technician));
    }

    [Fact]
    public async Task AShiftPatternPutsATechnicianOnAndOffShiftInTheRegionsTimeZone()
    {
        var scenario = new Scenario(fixture, fixture.NewBerlinRegion());
        var technician = await scenario.TechnicianAsync(Department.TechnicalSupport, capacity: 4, onShift: false);
        var monday = NextMonday();
        SetBerlinTime(monday, 8);

        var set = await scenario.Technician(technician).SetShiftPatternAsync(
            new SetShiftPatternRequest([new ShiftWindow([.. Weekdays], new TimeOnly(9, 0), new TimeOnly(17, 0))]));
        var queued = await scenario.OpenForNewCustomerAsync();

        Assert.Equal((Presence.OffShift, ClusterFixture.BerlinZone), (set.Value!.Presence, set.Value.TimeZone));
        Assert.Equal(CaseStatus.New, queued.Status);

        SetBerlinTime(monday, 9);
        var on = await scenario.Technician(technician).ReconcilePresenceAsync();

        Assert.Equal(Presence.OnShift, on.Value!.Presence);
        Assert.Equal(technician, (await scenario.WaitForStatusAsync(queued.Number, CaseStatus.Assigned)).AssignedTechnicianId);

        SetBerlinTime(monday, 17);
        var returned = fixture.Calls.Handled(scenario.Department(Department.TechnicalSupport), nameof(IDepartmentGrain.CasesReturnedAsync));
        var off = await scenario.Technician(technician).ReconcilePresenceAsync();

        Assert.Equal(Presence.OffShift, off.Value!.Presence);
        Assert.Empty(off.Value.Assignments);
        await returned;
        Assert.Equal([queued.Number], await scenario.QueueAsync(Department.TechnicalSupport));
    }

    [Fact]
    public async Task AManualPresenceChangeHoldsUntilThePatternsNextBoundary()
    {
        var scenario = new Scenario(fixture, fixture.NewBerlinRegion());
        var technician = scenario.Technician(await scenario.TechnicianAsync(Department.Installation, onShift: false));
        var monday = NextMonday();
        SetBerlinTime(monday, 18);
        await technician.SetShiftPatternAsync(new SetShiftPatternRequest([new ShiftWindow([.. Weekdays], new TimeOnly(9, 0), new TimeOnly(17, 0))]));

        var manual = await technician.SetPresenceAsync(new SetPresenceRequest(Presence.OnShift));

        var tuesdayStart = monday.AddDays(1).AddHours(9);
        Assert.Equal(new DateTimeOffset(tuesdayStart, Berlin.GetUtcOffset(tuesdayStart)), manual.Value!.PresenceHeldUntil);
        SetBerlinTime(monday, 20);
        Assert.Equal(Presence.OnShift, (await technician.ReconcilePresenceAsync()).Value!.Presence);

        SetBerlinTime(monday.AddDays(1), 17);
        var afterShift = await technician.ReconcilePresenceAsync();
        Assert.Equal((Presence.OffShift, (DateTimeOffset?)null), (afterShift.Value!.Presence, afterShift.Value.PresenceHeldUntil));
    }

    [Fact]
    public async Task AnInvalidShiftPatternIsRefusedOnItsField()
    {
        var scenario = new Scenario(fixture);
        var technician = scenario.Technician(await scenario.TechnicianAsync(Department.Installation));

        var result = await technician.SetShiftPatternAsync(new SetShiftPatternRequest([new ShiftWindow([], new TimeOnly(9, 0), new TimeOnly(17, 0))]));

        Assert.Equal((ErrorKind.Validation, "windows[0].days"), (result.Error?.Kind, result.Error?.Field));
        Assert.Empty((await technician.GetAsync())!.ShiftPattern);
    }
}
