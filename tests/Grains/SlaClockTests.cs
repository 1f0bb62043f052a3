using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Hosting;
using AfterSales.Sla;
using AfterSales.Sla.Scheduling;
using AfterSales.Tests.Grains.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AfterSales.Tests.Grains;

/// <summary>Live SLA clocks on the grains: each case registers its next warning point or due time with the SLA buckets,
/// and the test drives the buckets' ticks on the fixture's fake clock. Every test's region works around the clock in
/// UTC, so business time equals calendar time and the default policy's targets fall at exact offsets from opening
/// (urgent: first response 1 h, warning at 45 min; next update 4 h; resolution 8 h).</summary>
[Collection(ClusterCollection.Name)]
public sealed class SlaClockTests(ClusterFixture fixture)
{
    private SlaClockOptions Options =>
        fixture.Cluster.Silos[0].SiloHost.Services.GetRequiredService<IOptions<SlaClockOptions>>().Value;

    [Fact]
    public async Task AtTheWarningPointTheCaseRecordsAWarningAndAnAlertOnceHoweverOftenItIsWoken()
    {
        var (scenario, opened) = await OpenAsync(CasePriority.Urgent);
        var warningAt = opened.CreatedAt.AddMinutes(45);
        var bucket = Bucket(opened.Number, warningAt);
        Assert.Equal(1, await bucket.CountAsync());

        AdvanceTo(warningAt);
        await Task.WhenAll(bucket.TickAsync(), bucket.TickAsync(), scenario.Case(opened.Number).OnSlaDueAsync(warningAt));
        await bucket.TickAsync();

        var history = await scenario.HistoryAsync(opened.Number);
        var warning = Assert.Single(history, e => e.Action == CaseEventKinds.SlaWarning);
        Assert.Equal($"firstResponse warning at 75%; due {Iso(opened.CreatedAt.AddHours(1))}", warning.Details);
        var alert = Assert.Single(history, e => e.Action == CaseEventKinds.SlaAlert);
        Assert.Equal($"technical-support/{scenario.Region}: firstResponse warning; due {Iso(opened.CreatedAt.AddHours(1))}", alert.Details);
        Assert.Equal(0, await bucket.CountAsync());
        var read = (await scenario.Case(opened.Number).GetAsync())!;
        Assert.Equal((CasePriority.Urgent, SlaState.Warning), (read.Priority, read.Sla!.State));
    }

    [Fact]
    public async Task AtTheDueTimeTheCaseRecordsTheBreachAndRaisesItsPriorityOneStep()
    {
        var (scenario, opened) = await OpenAsync(CasePriority.High);
        var warningAt = opened.CreatedAt.AddHours(3);

        // Both the warning point and the due time (4 h) have passed when the bucket first ticks: both are recorded.
        AdvanceTo(opened.CreatedAt.AddHours(4).AddMinutes(1));
        await Bucket(opened.Number, warningAt).TickAsync();

        var history = await scenario.HistoryAsync(opened.Number);
        var kinds = history.Select(e => e.Action).Where(a => a.StartsWith("sla", StringComparison.Ordinal) || a == CaseEventKinds.PriorityChanged);
        Assert.Equal([CaseEventKinds.SlaWarning, CaseEventKinds.SlaAlert, CaseEventKinds.SlaBreached, CaseEventKinds.SlaAlert, CaseEventKinds.PriorityChanged], kinds);
        Assert.Equal($"firstResponse breached; due {Iso(opened.CreatedAt.AddHours(4))}", history.Single(e => e.Action == CaseEventKinds.SlaBreached).Details);
        var raised = history.Single(e => e.Action == CaseEventKinds.PriorityChanged);
        Assert.Equal(("system", "high → urgent: SLA firstResponse breached"), (raised.Actor, raised.Details));
        var read = (await scenario.Case(opened.Number).GetAsync())!;
        Assert.Equal((CasePriority.Urgent, "urgent", SlaState.Breached), (read.Priority, read.Sla!.RuleId, read.Sla.State));
        // The urgent rule's first response was missed already and is not recorded again; next comes its resolution warning.
        Assert.Equal(1, await Bucket(opened.Number, opened.CreatedAt.AddHours(6)).CountAsync());
    }

    [Fact]
    public async Task PausingCancelsTheInstantAndResumingMovesItByThePause()
    {
        var (scenario, opened) = await OpenAsync(CasePriority.Urgent, technician: true);
        var started = await scenario.ApplyAsync(opened.Number, CaseAction.Start);
        var nextUpdateWarning = started.FirstResponseAt!.Value.AddHours(3);
        // Buckets are shared by the cases whose numbers fall in the same shard and slot (other tests' cases too):
        // what this case does shows as a change of the count, not as the count.
        var held = await Bucket(opened.Number, nextUpdateWarning).CountAsync();
        Assert.True(held >= 1);

        await scenario.ApplyAsync(opened.Number, CaseAction.Wait);
        Assert.Equal(held - 1, await Bucket(opened.Number, nextUpdateWarning).CountAsync());
        AdvanceTo(nextUpdateWarning.AddMinutes(1));
        await Bucket(opened.Number, nextUpdateWarning).TickAsync();
        var paused = await scenario.HistoryAsync(opened.Number);
        var pause = fixture.Clock.GetUtcNow() - started.UpdatedAt;
        var moved = nextUpdateWarning + pause;
        var heldThen = await Bucket(opened.Number, moved).CountAsync();
        var resumed = await scenario.ApplyAsync(opened.Number, CaseAction.Resume);
        Assert.Equal(pause, resumed.UpdatedAt - started.UpdatedAt);
        Assert.Equal(heldThen + 1, await Bucket(opened.Number, moved).CountAsync());
        AdvanceTo(moved);
        await Bucket(opened.Number, moved).TickAsync();

        Assert.DoesNotContain(paused, e => e.Action == CaseEventKinds.SlaWarning);
        var warning = Assert.Single(await scenario.HistoryAsync(opened.Number), e => e.Action == CaseEventKinds.SlaWarning);
        Assert.Equal($"nextUpdate warning at 75%; due {Iso(started.FirstResponseAt.Value.AddHours(4) + pause)}", warning.Details);
    }

    [Fact]
    public async Task AResolvedCaseIsNotWokenForItsClocksAnyMore()
    {
        var (scenario, opened) = await OpenAsync(CasePriority.Urgent, technician: true);
        await scenario.ApplyAsync(opened.Number, CaseAction.Start);
        var nextUpdateWarning = (await scenario.ResolveAsync(opened.Number)).FirstResponseAt!.Value.AddHours(3);
        await fixture.OneWay.Idle();

        var bucket = Bucket(opened.Number, nextUpdateWarning);
        var held = await bucket.CountAsync();
        AdvanceTo(opened.CreatedAt.AddHours(9));
        await bucket.TickAsync();

        Assert.Equal(0, held);
        Assert.DoesNotContain(await scenario.HistoryAsync(opened.Number), e => e.Action.StartsWith("sla", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APriorityChangeRecordsItselfAndMovesTheInstantToTheNewTargets()
    {
        var (scenario, opened) = await OpenAsync(CasePriority.Normal);

        var changed = await scenario.Case(opened.Number).ChangePriorityAsync(
            new ChangePriorityRequest(CasePriority.Urgent, "Hospital customer.", "supervisor-1", opened.Version));
        await fixture.OneWay.Idle();

        Assert.True(changed.IsSuccess, changed.Error?.Message);
        Assert.Equal((CasePriority.Urgent, "urgent", opened.Version + 1), (changed.Value!.Priority, changed.Value.Sla!.RuleId, changed.Value.Version));
        var recorded = Assert.Single(await scenario.HistoryAsync(opened.Number), e => e.Action == CaseEventKinds.PriorityChanged);
        Assert.Equal(("supervisor-1", "normal → urgent: Hospital customer."), (recorded.Actor, recorded.Details));
        Assert.Equal(0, await Bucket(opened.Number, opened.CreatedAt.AddHours(6)).CountAsync());
        var bucket = Bucket(opened.Number, opened.CreatedAt.AddMinutes(45));
        Assert.Equal(1, await bucket.CountAsync());
        AdvanceTo(opened.CreatedAt.AddMinutes(45));
        await bucket.TickAsync();
        Assert.Single(await scenario.HistoryAsync(opened.Number), e => e.Action == CaseEventKinds.SlaWarning);
    }

    [Fact]
    public async Task APriorityChangeIsRefusedWhenStaleUnchangedOrOnAClosedCaseAndARetryWithItsKeyIsAReplay()
    {
        var (scenario, opened) = await OpenAsync(CasePriority.Normal, technician: true);
        var grain = scenario.Case(opened.Number);
        var request = new ChangePriorityRequest(CasePriority.High, "Escalated by phone.", "agent-1", opened.Version, "key-1", "hash-1");

        var first = await grain.ChangePriorityAsync(request);
        var replay = await grain.ChangePriorityAsync(request);
        var otherBody = await grain.ChangePriorityAsync(request with { Priority = CasePriority.Low, RequestHash = "hash-2" });
        var stale = await grain.ChangePriorityAsync(new ChangePriorityRequest(CasePriority.Low, "Calm again.", "agent-1", opened.Version));
        var unchanged = await grain.ChangePriorityAsync(new ChangePriorityRequest(CasePriority.High, "Again.", "agent-1"));
        await scenario.ApplyAsync(opened.Number, CaseAction.Start);
        await scenario.ResolveAsync(opened.Number);
        var resolved = await grain.ChangePriorityAsync(new ChangePriorityRequest(CasePriority.Low, "Done.", "agent-1"));

        Assert.True(first.IsSuccess, first.Error?.Message);
        Assert.Equal((true, first.Value!.Version), (replay.Replayed, replay.Value!.Version));
        Assert.Equal(ErrorKind.IdempotencyMismatch, otherBody.Error?.Kind);
        Assert.Equal(ErrorKind.PreconditionFailed, stale.Error?.Kind);
        Assert.Equal((ErrorKind.Validation, "priority"), (unchanged.Error?.Kind, unchanged.Error?.Field));
        Assert.Equal(ErrorKind.Conflict, resolved.Error?.Kind);
        Assert.Single(await scenario.HistoryAsync(opened.Number), e => e.Action == CaseEventKinds.PriorityChanged);
    }

    [Fact]
    public async Task AQueuedCaseWhosePriorityIsRaisedMovesAheadInItsQueue()
    {
        var (scenario, first) = await OpenAsync(CasePriority.Normal);
        var second = await scenario.OpenForNewCustomerAsync(priority: CasePriority.Normal);
        Assert.Equal([first.Number, second.Number], await scenario.QueueAsync(Department.TechnicalSupport));

        var changed = await scenario.Case(second.Number).ChangePriorityAsync(new ChangePriorityRequest(CasePriority.Urgent, "Outage.", "agent-1"));
        await fixture.OneWay.Idle();

        Assert.True(changed.IsSuccess, changed.Error?.Message);
        Assert.Equal([second.Number, first.Number], await scenario.QueueAsync(Department.TechnicalSupport));
    }

    [Fact]
    public async Task AnInstantThatPassedWhileCaseAndBucketWereDownIsRecordedOnceOnRecovery()
    {
        var (scenario, opened) = await OpenAsync(CasePriority.Urgent);
        var warningAt = opened.CreatedAt.AddMinutes(45);
        var bucket = Bucket(opened.Number, warningAt);
        Assert.Equal(1, await bucket.CountAsync());

        await fixture.Cluster.DeactivateAsync(bucket);
        await fixture.Cluster.DeactivateAsync(scenario.Case(opened.Number));
        AdvanceTo(warningAt.AddMinutes(10));
        await bucket.TickAsync();
        await fixture.Cluster.DeactivateAsync(bucket);
        await fixture.Cluster.DeactivateAsync(scenario.Case(opened.Number));
        await bucket.TickAsync();
        await scenario.Case(opened.Number).OnSlaDueAsync(warningAt);

        Assert.Single(await scenario.HistoryAsync(opened.Number), e => e.Action == CaseEventKinds.SlaWarning);
        Assert.Equal(0, await bucket.CountAsync());
    }

    private async Task<(Scenario Scenario, CaseSnapshot Case)> OpenAsync(CasePriority priority, bool technician = false)
    {
        var scenario = new Scenario(fixture);
        await SlaCalendars.AroundTheClockAsync(fixture, scenario.Region);
        if (technician)
        {
            await scenario.TechnicianAsync(Department.TechnicalSupport);
        }
        var customer = await scenario.CustomerAsync();
        return (scenario, await scenario.OpenCaseAsync(customer.Id, priority: priority));
    }

    private ISlaBucketGrain Bucket(string number, DateTimeOffset at) =>
        fixture.Grains.GetGrain<ISlaBucketGrain>(SlaBuckets.KeyOf(new SlaInstant(number, at), Options.SlotLength, Options.Shards));

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    private void AdvanceTo(DateTimeOffset moment)
    {
        var ahead = moment - fixture.Clock.GetUtcNow();
        if (ahead > TimeSpan.Zero)
        {
            fixture.Clock.Advance(ahead);
        }
    }
}
