using AfterSales.Cases;
using AfterSales.Domain.Routing;
using AfterSales.Maintenance;
using AfterSales.Maintenance.Scheduling;
using AfterSales.Scheduling;
using AfterSales.Tests.Grains.Infrastructure;

namespace AfterSales.Tests.Grains;

/// <summary>The buckets' one-shot timer alone fires what falls due while the bucket is active: on a cluster whose grain
/// timers run on the test's clock, nothing but the clock moves the buckets here (no test-driven ticks, and their
/// reminders are an hour or more away in real time, so a minute-reminder tick never stands in for a timer that did not
/// fire). Maintenance buckets with stand-in devices (<see cref="MaintenanceInbox"/>) show the shared mechanism; the last
/// test shows it carrying a case's SLA warning.</summary>
[Collection(TimedClusterCollection.Name)]
public sealed class DueBucketTimerTests(TimedClusterFixture fixture)
{
    private MaintenanceScheduling Kit => field ??= new(fixture);

    private IMaintenanceScheduleGrain Scheduler => Kit.Scheduler;

    [Fact]
    public async Task AnEntryMoreThanAMinuteAheadIsHandedOverByTheTimerAtItsFireTime()
    {
        var (serial, device) = Kit.NewDevice();
        var due = MaintenanceScheduling.Due(serial, "plan-a", Kit.FireTimeAhead(TimeSpan.FromMinutes(10)));
        await Scheduler.ScheduleAsync(due);

        Kit.AdvanceTo(due.FireAt);
        await device.ReceivedAtLeast(1);

        Assert.Equal([due], device.Received);
    }

    [Fact]
    public async Task AnEntryAddedWhileATickWaitsForAHandOverFiresAsThatTickEnds()
    {
        var (serial, device) = Kit.NewDevice();
        var first = MaintenanceScheduling.Due(serial, "plan-a", Kit.FireTimeAhead(TimeSpan.FromMinutes(10)));
        var added = MaintenanceScheduling.Due(serial, "plan-b", first.FireAt.AddSeconds(20));
        await Scheduler.ScheduleAsync(first);
        device.Hold();
        Kit.AdvanceTo(first.FireAt);
        await device.ReceivedAtLeast(1);

        // The timer's tick waits for the held hand-over; meanwhile an entry is added and falls due.
        await Scheduler.ScheduleAsync(added);
        Kit.AdvanceTo(added.FireAt);
        device.Release();
        await device.ReceivedAtLeast(2);

        Assert.Equal([first, added], device.Received);
    }

    [Fact]
    public async Task AnEntryWhoseDeviceFailedIsLeftToTheReminderAndHoldsUpNoLaterEntry()
    {
        var (failing, stuck) = Kit.NewDevice();
        var (serial, device) = NewDeviceInShardOf(failing);
        var fireAt = Kit.FireTimeAhead(TimeSpan.FromMinutes(10));
        var failed = MaintenanceScheduling.Due(failing, "plan-a", fireAt);
        var next = MaintenanceScheduling.Due(serial, "plan-a", fireAt.AddSeconds(10));
        var later = MaintenanceScheduling.Due(serial, "plan-b", fireAt.AddSeconds(20));
        await Scheduler.ScheduleManyAsync([failed, next, later]);
        Assert.Equal(Kit.BucketOf(failed).GetPrimaryKeyString(), Kit.BucketOf(later).GetPrimaryKeyString());

        stuck.FailNext();
        Kit.AdvanceTo(failed.FireAt);
        await stuck.ReceivedAtLeast(1);
        // From now on a hand-over to that device never returns (as a call that runs into its timeout).
        stuck.Hold();
        Kit.AdvanceTo(next.FireAt);
        await device.ReceivedAtLeast(1);
        Kit.AdvanceTo(later.FireAt);
        await device.ReceivedAtLeast(2);

        Assert.Equal([next, later], device.Received);
        Assert.Equal([failed], stuck.Received);
        stuck.Release();
    }

    [Fact]
    public async Task AfterTheWriteOfATickFailsTheTimerHandsOverAgainWithinASecondAndThenWhatFallsDue()
    {
        var (serial, device) = Kit.NewDevice();
        var fireAt = Kit.FireTimeAhead(TimeSpan.FromMinutes(10));
        var first = MaintenanceScheduling.Due(serial, "plan-a", fireAt);
        var second = MaintenanceScheduling.Due(serial, "plan-b", fireAt);
        var later = MaintenanceScheduling.Due(serial, "plan-c", fireAt.AddSeconds(30));
        await Scheduler.ScheduleManyAsync([first, second, later]);
        var bucket = Kit.BucketOf(first);

        // The devices acknowledge, then the write that forgets their entries fails.
        fixture.Faults.FailNextWrite(bucket.GetGrainId());
        Kit.AdvanceTo(fireAt);
        await device.ReceivedAtLeast(2);
        var retriedAfter = await AdvanceUntilAsync(device.ReceivedAtLeast(4), step: TimeSpan.FromMilliseconds(250), limit: TimeSpan.FromSeconds(10));
        Kit.AdvanceTo(later.FireAt);
        // The retried tick sets the timer for what is left as it ends, which may be after the jump above: Orleans applies
        // a change made inside a timer's own tick when the tick ends, counted from the clock then, so the timer can be
        // set up to 30 s past the jump. The clock keeps moving, as it does outside a test.
        await AdvanceUntilAsync(device.ReceivedAtLeast(5), step: TimeSpan.FromSeconds(1), limit: TimeSpan.FromSeconds(40));

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

        Kit.AdvanceTo(opened.CreatedAt.AddMinutes(45));
        await woken.WaitAsync(CallWatch.Timeout);

        var warning = Assert.Single(await scenario.HistoryAsync(opened.Number), e => e.Action == CaseEventKinds.SlaWarning);
        Assert.Equal(opened.CreatedAt.AddMinutes(45), warning.At);
    }

    /// <summary>A new device whose entries share the buckets of <paramref name="serial"/>'s (the same shard).</summary>
    private (string Serial, InboxDevice Device) NewDeviceInShardOf(string serial)
    {
        var shard = ShardKeys.ShardOf(serial, Kit.Options.Shards);
        while (true)
        {
            var other = Scenario.NewId("SN");
            if (ShardKeys.ShardOf(other, Kit.Options.Shards) == shard)
            {
                return (other, fixture.Maintenance.Device(other));
            }
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
}
