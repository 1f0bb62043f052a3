using System.Globalization;
using AfterSales.Cases;
using AfterSales.Domain.Routing;
using AfterSales.Hosting;
using AfterSales.Maintenance;
using AfterSales.Maintenance.Scheduling;
using AfterSales.Scheduling;
using AfterSales.Tests.Grains.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AfterSales.Tests.Grains;

/// <summary>The buckets' one-shot timer alone fires what falls due while the bucket is active: on a cluster whose grain
/// timers run on the test's clock, nothing but the clock moves the buckets here (no test-driven ticks, and their
/// reminders are an hour or more away in real time, so a minute-reminder tick never stands in for a timer that did not
/// fire). Maintenance buckets with stand-in devices (<see cref="MaintenanceInbox"/>) show the shared mechanism; the last
/// test shows it carrying a case's SLA warning.</summary>
[Collection(TimedClusterCollection.Name)]
public sealed class DueBucketTimerTests(TimedClusterFixture fixture)
{
    private IMaintenanceScheduleGrain Scheduler => fixture.Grains.GetGrain<IMaintenanceScheduleGrain>(0);

    private MaintenanceSchedulerOptions Options =>
        fixture.Cluster.Silos[0].SiloHost.Services.GetRequiredService<IOptions<MaintenanceSchedulerOptions>>().Value;

    [Fact]
    public async Task AnEntryMoreThanAMinuteAheadIsHandedOverByTheTimerAtItsFireTime()
    {
        var (serial, device) = NewDevice();
        var due = Due(serial, "plan-a", FireTimeAhead(TimeSpan.FromMinutes(10)));
        await Scheduler.ScheduleAsync(due);

        AdvanceTo(due.FireAt);
        await device.ReceivedAtLeast(1);

        Assert.Equal([due], device.Received);
    }

    [Fact]
    public async Task AnEntryAddedWhileATickWaitsForAHandOverFiresAsThatTickEnds()
    {
        var (serial, device) = NewDevice();
        var first = Due(serial, "plan-a", FireTimeAhead(TimeSpan.FromMinutes(10)));
        var added = Due(serial, "plan-b", first.FireAt.AddSeconds(20));
        await Scheduler.ScheduleAsync(first);
        device.Hold();
        AdvanceTo(first.FireAt);
        await device.ReceivedAtLeast(1);

        // The timer's tick waits for the held hand-over; meanwhile an entry is added and falls due.
        await Scheduler.ScheduleAsync(added);
        AdvanceTo(added.FireAt);
        device.Release();
        await device.ReceivedAtLeast(2);

        Assert.Equal([first, added], device.Received);
    }

    [Fact]
    public async Task AnEntryWhoseDeviceFailedIsLeftToTheReminderAndHoldsUpNoLaterEntry()
    {
        var (failing, stuck) = NewDevice();
        var (serial, device) = NewDeviceInShardOf(failing);
        var fireAt = FireTimeAhead(TimeSpan.FromMinutes(10));
        var failed = Due(failing, "plan-a", fireAt);
        var next = Due(serial, "plan-a", fireAt.AddSeconds(10));
        var later = Due(serial, "plan-b", fireAt.AddSeconds(20));
        await Scheduler.ScheduleManyAsync([failed, next, later]);
        Assert.Equal(BucketOf(failed).GetPrimaryKeyString(), BucketOf(later).GetPrimaryKeyString());

        stuck.FailNext();
        AdvanceTo(failed.FireAt);
        await stuck.ReceivedAtLeast(1);
        // From now on a hand-over to that device never returns (as a call that runs into its timeout).
        stuck.Hold();
        AdvanceTo(next.FireAt);
        await device.ReceivedAtLeast(1);
        AdvanceTo(later.FireAt);
        await device.ReceivedAtLeast(2);

        Assert.Equal([next, later], device.Received);
        Assert.Equal([failed], stuck.Received);
        stuck.Release();
    }

    [Fact]
    public async Task AfterTheWriteOfATickFailsTheTimerHandsOverAgainWithinASecondAndThenWhatFallsDue()
    {
        var (serial, device) = NewDevice();
        var fireAt = FireTimeAhead(TimeSpan.FromMinutes(10));
        var first = Due(serial, "plan-a", fireAt);
        var second = Due(serial, "plan-b", fireAt);
        var later = Due(serial, "plan-c", fireAt.AddSeconds(30));
        await Scheduler.ScheduleManyAsync([first, second, later]);
        var bucket = BucketOf(first);

        // The devices acknowledge, then the write that forgets their entries fails.
        fixture.Faults.FailNextWrite(bucket.GetGrainId());
        AdvanceTo(fireAt);
        await device.ReceivedAtLeast(2);
        var retriedAfter = await AdvanceUntilAsync(device.ReceivedAtLeast(4), step: TimeSpan.FromMilliseconds(250), limit: TimeSpan.FromSeconds(10));
        AdvanceTo(later.FireAt);
        await device.ReceivedAtLeast(5);

        // Not at once (the store is not hammered), and by the timer long before the reminder's minute. The upper bound
        // leaves room for clock steps taken before the failed tick ended on a busy box.
        Assert.InRange(retriedAfter, DueBucketTimings.FailedTickRetryDelay, TimeSpan.FromSeconds(10));
        Assert.Equal(2, device.Received.Count(e => e == first));
        Assert.Equal(2, device.Received.Count(e => e == second));
        Assert.Equal(later, device.Received[^1]);
    }

    [Fact]
    public async Task ACaseRecordsItsSlaWarningFromItsBucketsTimerAlone()
    {
        var scenario = new Scenario(fixture);
        await SlaCalendars.AroundTheClockAsync(fixture, scenario.Region);
        var customer = await scenario.CustomerAsync();
        var opened = await scenario.OpenCaseAsync(customer.Id, priority: CasePriority.Urgent);
        var woken = fixture.Calls.Handled(scenario.Case(opened.Number), nameof(ICaseGrain.OnSlaDueAsync));

        AdvanceTo(opened.CreatedAt.AddMinutes(45));
        await woken.WaitAsync(CallWatch.Timeout);

        var warning = Assert.Single(await scenario.HistoryAsync(opened.Number), e => e.Action == CaseEventKinds.SlaWarning);
        Assert.Equal(opened.CreatedAt.AddMinutes(45), warning.At);
    }

    private (string Serial, InboxDevice Device) NewDevice()
    {
        var serial = Scenario.NewId("SN");
        return (serial, fixture.Maintenance.Device(serial));
    }

    /// <summary>A new device whose entries share the buckets of <paramref name="serial"/>'s (the same shard).</summary>
    private (string Serial, InboxDevice Device) NewDeviceInShardOf(string serial)
    {
        var shard = ShardKeys.ShardOf(serial, Options.Shards);
        while (true)
        {
            var other = Scenario.NewId("SN");
            if (ShardKeys.ShardOf(other, Options.Shards) == shard)
            {
                return (other, fixture.Maintenance.Device(other));
            }
        }
    }

    private IMaintenanceBucketGrain BucketOf(MaintenanceDue due) =>
        fixture.Grains.GetGrain<IMaintenanceBucketGrain>(MaintenanceBuckets.KeyOf(due, Options.SlotLength, Options.Shards));

    /// <summary>A fire time two slots ahead of the clock: its bucket's reminder is an hour or more away in real time.</summary>
    private DateTimeOffset FireTimeAhead(TimeSpan intoSlot) =>
        MaintenanceBuckets.SlotStart(fixture.Clock.GetUtcNow(), Options.SlotLength) + 2 * Options.SlotLength + intoSlot + TimeSpan.FromSeconds(13.37);

    private void AdvanceTo(DateTimeOffset moment)
    {
        var ahead = moment - fixture.Clock.GetUtcNow();
        if (ahead > TimeSpan.Zero)
        {
            fixture.Clock.Advance(ahead);
        }
    }

    /// <summary>Moves the clock in steps until <paramref name="reached"/> completes, at most <paramref name="limit"/>;
    /// returns how far it moved. A step's timer tick runs on the silo after the step, so each step waits for the
    /// condition a moment of real time (a poll with a deadline: the tick that a failed write arms is set from the clock
    /// at the end of that tick, which the test cannot observe directly).</summary>
    private async Task<TimeSpan> AdvanceUntilAsync(Task reached, TimeSpan step, TimeSpan limit)
    {
        var moved = TimeSpan.Zero;
        while (!reached.IsCompleted && moved < limit)
        {
            fixture.Clock.Advance(step);
            moved += step;
            await Task.WhenAny(reached, Task.Delay(TimeSpan.FromMilliseconds(100)));
        }
        await reached;
        return moved;
    }

    private static MaintenanceDue Due(string serial, string planId, DateTimeOffset fireAt) =>
        new(serial, planId, fireAt.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture), fireAt.AddDays(7), fireAt);
}
