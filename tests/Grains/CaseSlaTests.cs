using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Sla;
using AfterSales.Tests.Grains.Infrastructure;

namespace AfterSales.Tests.Grains;

/// <summary>Each case's SLA clock on the grains, with the fixture's fake clock. Every test's region gets a calendar
/// that works around the clock in UTC, so business time equals calendar time wherever the shared clock stands.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CaseSlaTests(ClusterFixture fixture)
{
    private async Task<Scenario> AroundTheClockAsync()
    {
        var scenario = new Scenario(fixture);
        await SlaCalendars.AroundTheClockAsync(fixture, scenario.Region);
        return scenario;
    }

    private async Task<(Scenario Scenario, CaseSnapshot Case)> StartedUrgentCaseAsync()
    {
        var scenario = await AroundTheClockAsync();
        await scenario.TechnicianAsync(Department.TechnicalSupport);
        var customer = await scenario.CustomerAsync();
        var opened = await scenario.OpenCaseAsync(customer.Id, priority: CasePriority.Urgent);
        return (scenario, await scenario.ApplyAsync(opened.Number, CaseAction.Start));
    }

    [Fact]
    public async Task ANewCaseCarriesItsRuleTargetsAndDueTimesFromTheRegionsCalendar()
    {
        var scenario = await AroundTheClockAsync();
        var customer = await scenario.CustomerAsync();

        var opened = await scenario.OpenCaseAsync(customer.Id, priority: CasePriority.Urgent);

        var sla = opened.Sla!;
        Assert.Equal(("urgent", scenario.Region, SlaState.Ok, 75), (sla.RuleId, sla.CalendarRegion, sla.State, sla.WarningPercent));
        Assert.Equal(opened.CreatedAt.AddHours(1), sla.FirstResponse.DueAt);
        Assert.Equal(opened.CreatedAt.AddMinutes(45), sla.FirstResponse.WarningAt);
        Assert.Equal(opened.CreatedAt.AddHours(8), sla.Resolution.DueAt);
        Assert.Null(sla.NextUpdate.StartedAt);
        Assert.Equal(opened.CreatedAt.AddMinutes(45), sla.NextDueAt);
    }

    [Fact]
    public async Task TheStateIsComputedFromTheClockWhenTheCaseIsRead()
    {
        var scenario = await AroundTheClockAsync();
        var customer = await scenario.CustomerAsync();
        var opened = await scenario.OpenCaseAsync(customer.Id, priority: CasePriority.Urgent);

        fixture.Clock.Advance(TimeSpan.FromMinutes(50));
        var warning = (await scenario.Case(opened.Number).GetAsync())!.Sla!;
        fixture.Clock.Advance(TimeSpan.FromMinutes(20));
        var breached = (await scenario.Case(opened.Number).GetAsync())!;

        Assert.Equal((SlaState.Warning, SlaState.Warning), (warning.State, warning.FirstResponse.State));
        Assert.Equal((SlaState.Breached, false), (breached.Sla!.FirstResponse.State, breached.Sla.FirstResponse.Met));
        Assert.Equal(SlaState.Breached, breached.Sla.State);
        Assert.Equal(opened.Version, breached.Version);
    }

    [Fact]
    public async Task StartingTheWorkStopsTheFirstResponseClockAndStartsTheNextUpdateClock()
    {
        var (_, started) = await StartedUrgentCaseAsync();

        var sla = started.Sla!;
        Assert.Equal((true, SlaState.Ok), (sla.FirstResponse.Met, sla.FirstResponse.State));
        Assert.Equal(started.FirstResponseAt, sla.FirstResponse.StoppedAt);
        Assert.Equal(started.FirstResponseAt, sla.NextUpdate.StartedAt);
        Assert.Equal(started.FirstResponseAt!.Value.AddHours(4), sla.NextUpdate.DueAt);
    }

    [Fact]
    public async Task WaitingForTheCustomerPausesTheClockAndResumingMovesTheDueTimesByThePause()
    {
        var (scenario, started) = await StartedUrgentCaseAsync();
        var resolutionDue = started.Sla!.Resolution.DueAt!.Value;

        var waiting = await scenario.ApplyAsync(started.Number, CaseAction.Wait);
        fixture.Clock.Advance(TimeSpan.FromHours(3));
        var stillWaiting = (await scenario.Case(started.Number).GetAsync())!.Sla!;
        var resumed = await scenario.ApplyAsync(started.Number, CaseAction.Resume);

        Assert.True(waiting.Sla!.Paused);
        Assert.Equal((true, null, null), (stillWaiting.Paused, stillWaiting.Resolution.DueAt, stillWaiting.NextDueAt));
        Assert.Equal(TimeSpan.FromHours(3), stillWaiting.PausedBusinessTime);
        Assert.False(resumed.Sla!.Paused);
        Assert.Equal(resolutionDue.AddHours(3), resumed.Sla.Resolution.DueAt);
        Assert.Equal(TimeSpan.FromHours(3), resumed.Sla.PausedBusinessTime);
    }

    [Fact]
    public async Task ResolvingStopsTheClockAndAReopenCountsTheResolvedTimeAsPaused()
    {
        var (scenario, started) = await StartedUrgentCaseAsync();

        fixture.Clock.Advance(TimeSpan.FromHours(2));
        var resolved = await scenario.ResolveAsync(started.Number);
        fixture.Clock.Advance(TimeSpan.FromHours(10));
        var later = (await scenario.Case(started.Number).GetAsync())!.Sla!;
        var reopened = await scenario.ApplyAsync(started.Number, CaseAction.Reopen);

        Assert.Equal((true, resolved.ResolvedAt), (resolved.Sla!.Resolution.Met, resolved.Sla.Resolution.StoppedAt));
        Assert.Equal((SlaState.Ok, true, (DateTimeOffset?)null), (later.State, later.Resolution.Met, later.NextDueAt));
        Assert.Null(reopened.Sla!.Resolution.StoppedAt);
        Assert.Equal(TimeSpan.FromHours(10), reopened.Sla.PausedBusinessTime);
        Assert.Equal(started.CreatedAt.AddHours(18), reopened.Sla.Resolution.DueAt);
    }

    [Fact]
    public async Task AReactivatedCaseKeepsItsClockWithoutAnExtraWrite()
    {
        var (scenario, started) = await StartedUrgentCaseAsync();
        var waiting = await scenario.ApplyAsync(started.Number, CaseAction.Wait);

        await fixture.Cluster.DeactivateAsync(scenario.Case(started.Number));
        fixture.Clock.Advance(TimeSpan.FromHours(1));
        var read = (await scenario.Case(started.Number).GetAsync())!;
        var resumed = await scenario.ApplyAsync(started.Number, CaseAction.Resume);

        Assert.Equal((true, waiting.Version), (read.Sla!.Paused, read.Version));
        Assert.Equal(TimeSpan.FromHours(1), read.Sla.PausedBusinessTime);
        Assert.Equal(started.Sla!.Resolution.DueAt!.Value.AddHours(1), resumed.Sla!.Resolution.DueAt);
        Assert.Equal(started.Version + 2, resumed.Version);
    }

    [Fact]
    public async Task ACustomerNoteAfterTheNextUpdateWasDueCountsAsAMiss()
    {
        var (scenario, started) = await StartedUrgentCaseAsync();

        fixture.Clock.Advance(TimeSpan.FromHours(5));
        var late = await scenario.Case(started.Number).AddNoteAsync(new AddNoteCommand("We ordered the part.", NoteVisibility.Customer, "tech-1"));

        var sla = late.Value!.Sla!;
        Assert.Equal(1, sla.NextUpdateMisses);
        Assert.Equal(late.Value.UpdatedAt, sla.NextUpdate.StartedAt);
        Assert.Equal(SlaState.Ok, sla.NextUpdate.State);
    }

    [Fact]
    public async Task ATransferToAnotherDepartmentChoosesTheRuleAgain()
    {
        var policy = fixture.Grains.GetGrain<ISlaPolicyGrain>(GrainKeys.SlaPolicy);
        var current = await policy.GetAsync();
        var installationRule = new SlaRule("normal-installation-test", CasePriority.Normal, null, null, null, Department.Installation,
            new SlaTarget(TimeSpan.FromMinutes(30), SlaClockMode.Calendar), new SlaTarget(TimeSpan.FromHours(2), SlaClockMode.Calendar),
            new SlaTarget(TimeSpan.FromHours(3), SlaClockMode.Calendar), 50);
        var replaced = await policy.ReplaceAsync(new ReplaceSlaPolicyRequest(
            [.. current.Rules.Where(r => r.Id != installationRule.Id), installationRule], current.WarningPercent, current.Version));
        Assert.True(replaced.IsSuccess, replaced.Error?.Message);
        // The other silo sees the change within one refresh interval of the (fake) clock: a test that ran before may
        // have left it a copy fetched at the current instant.
        fixture.Clock.Advance(new Hosting.SlaOptions().RefreshInterval);
        var scenario = await AroundTheClockAsync();
        var customer = await scenario.CustomerAsync();
        var opened = await scenario.OpenCaseAsync(customer.Id);

        var moved = await scenario.Case(opened.Number).TransferAsync(new TransferCaseRequest(Department.Installation, "Needs a site visit.", "agent-1"));

        Assert.Equal("normal", opened.Sla!.RuleId);
        var sla = moved.Value!.Sla!;
        Assert.Equal((installationRule.Id, replaced.Value!.Version, 50), (sla.RuleId, sla.PolicyVersion, sla.WarningPercent));
        Assert.Equal(opened.CreatedAt.AddHours(3), sla.Resolution.DueAt);
        Assert.Equal(opened.CreatedAt.AddMinutes(15), sla.FirstResponse.WarningAt);
    }

    [Fact]
    public async Task ARegionWithoutACalendarHasTheDefaultOneInItsConfiguredZone()
    {
        var region = fixture.NewBerlinRegion();

        var calendar = await fixture.Grains.GetGrain<IBusinessCalendarGrain>(region).GetAsync();

        Assert.Equal((0, true, ClusterFixture.BerlinZone), (calendar.Version, calendar.IsDefault, calendar.Definition.TimeZone));
        var week = Assert.Single(calendar.Definition.Week);
        Assert.Equal(new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }, week.Days.ToArray());
        Assert.Equal(new WorkingHours(540, 1020), week.Hours);
    }

    [Fact]
    public async Task ACalendarChangeWithAStaleVersionOrBadZoneIsRefusedAndChangesNothing()
    {
        var scenario = await AroundTheClockAsync();
        var grain = fixture.Grains.GetGrain<IBusinessCalendarGrain>(scenario.Region);
        var before = await grain.GetAsync();

        var stale = await grain.ImportHolidaysAsync(new ImportHolidaysRequest(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20261225\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            before.Version - 1));
        var badZone = await grain.ReplaceAsync(new ReplaceBusinessCalendarRequest(before.Definition with { TimeZone = "Europe/Atlantis" }));
        var unknownRegion = await fixture.Grains.GetGrain<IBusinessCalendarGrain>("no-such-region").ReplaceAsync(new ReplaceBusinessCalendarRequest(before.Definition));

        Assert.Equal(ErrorKind.PreconditionFailed, stale.Error?.Kind);
        Assert.Equal((ErrorKind.Validation, "timeZone"), (badZone.Error?.Kind, badZone.Error?.Field));
        Assert.Equal(ErrorKind.NotFound, unknownRegion.Error?.Kind);
        var after = await grain.GetAsync();
        Assert.Equal((before.Version, before.UpdatedAt, "UTC", 0), (after.Version, after.UpdatedAt, after.Definition.TimeZone, after.Definition.Holidays.Length));
    }
}
