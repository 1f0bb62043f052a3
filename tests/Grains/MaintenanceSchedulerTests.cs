using AfterSales.Hosting;
using AfterSales.Maintenance;
using AfterSales.Maintenance.Scheduling;
using AfterSales.Tests.Grains.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;

namespace AfterSales.Tests.Grains;

/// <summary>The maintenance scheduler holds each due entry in the bucket of its slot and shard and hands it to its
/// device once due, until the device acknowledges it: once per acknowledgement, again after a failure or a lost tick,
/// never after a cancellation. Devices are stand-ins (<see cref="MaintenanceInbox"/>); ticks are driven by the test on
/// the grains' fake clock, with fire times whose reminders are an hour or more away in real time.</summary>
[Collection(ClusterCollection.Name)]
public sealed class MaintenanceSchedulerTests(ClusterFixture fixture)
{
    private MaintenanceScheduling Kit => field ??= new(fixture);

    private IMaintenanceScheduleGrain Scheduler => Kit.Scheduler;

    private MaintenanceSchedulerOptions Options => Kit.Options;

    private IReminderTable Reminders => fixture.Cluster.GetSiloServiceProvider().GetRequiredService<IReminderTable>();

    [Fact]
    public async Task ADueEntryIsHandedToItsDeviceOnceAndThenForgotten()
    {
        var (serial, device) = Kit.NewDevice();
        var due = MaintenanceScheduling.Due(serial, "plan-a", Kit.FireTimeAhead(TimeSpan.FromMinutes(10)));
        await Scheduler.ScheduleAsync(due);
        var bucket = Kit.BucketOf(due);

        var early = await bucket.TickAsync();
        Assert.Equal((0, 1), (early.Due, early.Remaining));
        Assert.NotNull(await Reminders.ReadRow(bucket.GetGrainId(), MaintenanceBucketGrain.ReminderName));

        Kit.AdvanceTo(due.FireAt);
        var tick = await bucket.TickAsync();
        var again = await bucket.TickAsync();

        Assert.Equal((1, 1, 0, 0), (tick.Due, tick.Acknowledged, tick.Failed, tick.Remaining));
        Assert.Equal(0, again.Due);
        Assert.Equal([due], device.Received);
        Assert.Null(await Reminders.ReadRow(bucket.GetGrainId(), MaintenanceBucketGrain.ReminderName));
    }

    [Fact]
    public async Task DuplicatedTicksHandEachEntryOverOnce()
    {
        var (serial, device) = Kit.NewDevice();
        var fireAt = Kit.FireTimeAhead(TimeSpan.FromMinutes(5));
        MaintenanceDue[] entries = [MaintenanceScheduling.Due(serial, "plan-a", fireAt), MaintenanceScheduling.Due(serial, "plan-b", fireAt), MaintenanceScheduling.Due(serial, "plan-c", fireAt)];
        await Scheduler.ScheduleManyAsync(entries);
        var bucket = Kit.BucketOf(entries[0]);
        Kit.AdvanceTo(fireAt);

        var reminderTick = fixture.Grains.GetGrain<IRemindable>(bucket.GetGrainId())
            .ReceiveReminder(MaintenanceBucketGrain.ReminderName, new TickStatus(DateTime.UtcNow, TimeSpan.FromMinutes(1), DateTime.UtcNow));
        await Task.WhenAll(bucket.TickAsync(), bucket.TickAsync());
        await reminderTick;

        Assert.Equal(entries.OrderBy(e => e.PlanId), device.Received.OrderBy(e => e.PlanId));
        Assert.Equal(0, await bucket.CountAsync());
    }

    [Fact]
    public async Task AnEntryIsHandedOverAgainUntilItsDeviceAcknowledgesIt()
    {
        var (serial, device) = Kit.NewDevice();
        var due = MaintenanceScheduling.Due(serial, "plan-a", Kit.FireTimeAhead(TimeSpan.FromMinutes(20)));
        await Scheduler.ScheduleAsync(due);
        var bucket = Kit.BucketOf(due);
        Kit.AdvanceTo(due.FireAt);
        device.FailNext();

        var failed = await bucket.TickAsync();
        var retried = await bucket.TickAsync();

        Assert.Equal((1, 0, 1, 1), (failed.Due, failed.Acknowledged, failed.Failed, failed.Remaining));
        Assert.Equal((1, 1, 0, 0), (retried.Due, retried.Acknowledged, retried.Failed, retried.Remaining));
        Assert.Equal([due, due], device.Received);
    }

    [Fact]
    public async Task ATickLostAfterItsHandOversHandsThemOverAgainFromStorage()
    {
        var (serial, device) = Kit.NewDevice();
        var fireAt = Kit.FireTimeAhead(TimeSpan.FromMinutes(10));
        var first = MaintenanceScheduling.Due(serial, "plan-a", fireAt);
        var second = MaintenanceScheduling.Due(serial, "plan-b", fireAt);
        var later = MaintenanceScheduling.Due(serial, "plan-c", fireAt.AddMinutes(30));
        await Scheduler.ScheduleManyAsync([first, second, later]);
        var bucket = Kit.BucketOf(first);
        Kit.AdvanceTo(fireAt);

        // The devices acknowledge, then the write that forgets their entries fails: the activation is dropped, as if its
        // silo had stopped mid-tick.
        fixture.Faults.FailNextWrite(bucket.GetGrainId());
        await Assert.ThrowsAnyAsync<OrleansException>(() => bucket.TickAsync());
        var replayed = await bucket.TickAsync();

        Assert.Equal((2, 2, 1), (replayed.Due, replayed.Acknowledged, replayed.Remaining));
        Assert.Equal(2, device.Received.Count(e => e == first));
        Assert.Equal(2, device.Received.Count(e => e == second));
        Assert.DoesNotContain(later, device.Received);
    }

    [Fact]
    public async Task ABucketDeactivatedBeforeItsSlotHandsOverWhatItStored()
    {
        var (serial, device) = Kit.NewDevice();
        var fireAt = Kit.FireTimeAhead(TimeSpan.FromMinutes(35));
        MaintenanceDue[] entries = [MaintenanceScheduling.Due(serial, "plan-a", fireAt), MaintenanceScheduling.Due(serial, "plan-b", fireAt.AddMinutes(1))];
        await Scheduler.ScheduleManyAsync(entries);
        var bucket = Kit.BucketOf(entries[0]);

        await bucket.AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        Kit.AdvanceTo(entries[1].FireAt);
        var tick = await bucket.TickAsync();

        Assert.Equal((2, 2, 0), (tick.Due, tick.Acknowledged, tick.Remaining));
        Assert.Equal(entries, device.Received.OrderBy(e => e.PlanId));
    }

    [Fact]
    public async Task AnEntryPastDueIsHandedOverWithoutWaitingForItsSlot()
    {
        var (serial, device) = Kit.NewDevice();
        var due = MaintenanceScheduling.Due(serial, "plan-a", fixture.Clock.GetUtcNow().AddDays(-3));

        await Scheduler.ScheduleAsync(due);
        await device.ReceivedAtLeast(1);
        var after = await Kit.BucketOf(due).TickAsync();

        Assert.Equal([due], device.Received);
        Assert.Equal(0, after.Remaining);
        Assert.Null(await Reminders.ReadRow(Kit.BucketOf(due).GetGrainId(), MaintenanceBucketGrain.ReminderName));
    }

    [Fact]
    public async Task ACancelledEntryIsNeverHandedOver()
    {
        var (serial, device) = Kit.NewDevice();
        var fireAt = Kit.FireTimeAhead(TimeSpan.FromMinutes(15));
        var cancelled = MaintenanceScheduling.Due(serial, "plan-a", fireAt);
        var kept = MaintenanceScheduling.Due(serial, "plan-b", fireAt);
        await Scheduler.ScheduleManyAsync([cancelled, kept]);

        await Scheduler.CancelAsync(cancelled);
        await Scheduler.CancelAsync(cancelled);
        Kit.AdvanceTo(fireAt);
        var tick = await Kit.BucketOf(kept).TickAsync();

        Assert.Equal((1, 1), (tick.Due, tick.Acknowledged));
        Assert.Equal([kept], device.Received);
    }

    [Fact]
    public async Task CancellingTheLastEntryDropsTheBucketsReminder()
    {
        var (serial, _) = Kit.NewDevice();
        var due = MaintenanceScheduling.Due(serial, "plan-a", Kit.FireTimeAhead(TimeSpan.FromMinutes(25)));
        await Scheduler.ScheduleAsync(due);
        var bucket = Kit.BucketOf(due);
        Assert.NotNull(await Reminders.ReadRow(bucket.GetGrainId(), MaintenanceBucketGrain.ReminderName));

        await Scheduler.CancelAsync(due);

        Assert.Equal(0, await bucket.CountAsync());
        Assert.Null(await Reminders.ReadRow(bucket.GetGrainId(), MaintenanceBucketGrain.ReminderName));
    }

    [Fact]
    public async Task SchedulingThePeriodAgainReplacesItsEntry()
    {
        var (serial, device) = Kit.NewDevice();
        var fireAt = Kit.FireTimeAhead(TimeSpan.FromMinutes(5));
        var first = MaintenanceScheduling.Due(serial, "plan-a", fireAt, period: "2027-Q1");
        var moved = first with { FireAt = fireAt.AddMinutes(20) };
        await Scheduler.ScheduleAsync(first);
        await Scheduler.ScheduleAsync(moved);
        var bucket = Kit.BucketOf(first);

        Kit.AdvanceTo(fireAt);
        var before = await bucket.TickAsync();
        Kit.AdvanceTo(moved.FireAt);
        var at = await bucket.TickAsync();

        Assert.Equal((0, 1), (before.Due, before.Remaining));
        Assert.Equal((1, 1, 0), (at.Due, at.Acknowledged, at.Remaining));
        Assert.Equal([moved], device.Received);
    }

    [Fact]
    public async Task ATickKeepsAtMostTheConfiguredHandOversInFlight()
    {
        var (serial, device) = Kit.NewDevice();
        var fireAt = Kit.FireTimeAhead(TimeSpan.FromMinutes(30));
        var limit = Options.HandOverConcurrency;
        var entries = Enumerable.Range(0, limit + 36).Select(i => MaintenanceScheduling.Due(serial, $"plan-{i:D3}", fireAt)).ToArray();
        await Scheduler.ScheduleManyAsync(entries);
        var bucket = Kit.BucketOf(entries[0]);
        Kit.AdvanceTo(fireAt);
        device.Hold();

        var tick = bucket.TickAsync();
        await device.ReceivedAtLeast(limit);
        var startedWhileHeld = device.Received.Count;
        device.Release();
        var done = await tick;

        Assert.Equal(limit, startedWhileHeld);
        Assert.Equal(limit, device.MostInFlight);
        Assert.Equal((entries.Length, entries.Length, 0), (done.Due, done.Acknowledged, done.Remaining));
    }

    [Fact]
    public async Task TheBulkPathHoldsEveryEntryInTheBucketOfItsSlotAndShard()
    {
        var fireAt = Kit.FireTimeAhead(TimeSpan.FromMinutes(1));
        var devices = Enumerable.Range(0, 40).Select(_ => Kit.NewDevice()).ToArray();
        var entries = devices.SelectMany((d, i) => new[]
        {
            MaintenanceScheduling.Due(d.Serial, "plan-a", fireAt.AddMinutes(i)),
            MaintenanceScheduling.Due(d.Serial, "plan-b", fireAt.AddMinutes(i) + Options.SlotLength),
        }).ToArray();

        await Scheduler.ScheduleManyAsync(entries);
        var buckets = entries.Select(Kit.BucketOf).Distinct().ToArray();
        var held = await Task.WhenAll(buckets.Select(b => b.CountAsync()));
        Kit.AdvanceTo(entries.Max(e => e.FireAt));
        var ticks = await Task.WhenAll(buckets.Select(b => b.TickAsync()));

        Assert.Equal(entries.Length, held.Sum());
        Assert.True(buckets.Length > 2, "entries of two slots spread over several shards");
        Assert.Equal(entries.Length, ticks.Sum(t => t.Acknowledged));
        Assert.All(devices, d => Assert.Equal(2, d.Device.Received.Count));
    }
}
