using System.Globalization;
using AfterSales.Hosting;
using AfterSales.Maintenance;
using AfterSales.Maintenance.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AfterSales.Tests.Grains.Infrastructure;

/// <summary>What the maintenance scheduler's tests share: stand-in devices, the bucket of an entry, fire times whose
/// buckets' reminders are an hour or more away in real time, and moving the fixture's clock.</summary>
internal sealed class MaintenanceScheduling(ClusterFixture fixture)
{
    private static readonly TimeSpan OffRound = TimeSpan.FromSeconds(13.37);

    public IMaintenanceScheduleGrain Scheduler => fixture.Grains.GetGrain<IMaintenanceScheduleGrain>(0);

    public MaintenanceSchedulerOptions Options =>
        fixture.Cluster.Silos[0].SiloHost.Services.GetRequiredService<IOptions<MaintenanceSchedulerOptions>>().Value;

    public static MaintenanceDue Due(string serial, string planId, DateTimeOffset fireAt, string? period = null) =>
        new(serial, planId, period ?? fireAt.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture), fireAt.AddDays(7), fireAt);

    /// <summary>A device whose hand-overs the test answers (<see cref="MaintenanceInbox"/>).</summary>
    public (string Serial, InboxDevice Device) NewDevice()
    {
        var serial = Scenario.NewId("SN");
        return (serial, fixture.Maintenance.Device(serial));
    }

    public IMaintenanceBucketGrain BucketOf(MaintenanceDue due) =>
        fixture.Grains.GetGrain<IMaintenanceBucketGrain>(MaintenanceBuckets.KeyOf(due, Options.SlotLength, Options.Shards));

    /// <summary>A fire time two slots ahead of the grains' clock: its bucket's reminder is an hour or more away in real
    /// time, so only the test's own ticks (or, on a <see cref="TimedClusterFixture"/>, the bucket's timer) run. Off any
    /// round minute (<see cref="OffRound"/>), so moving the shared clock there never lands it on a window boundary other
    /// tests' windows could share.</summary>
    public DateTimeOffset FireTimeAhead(TimeSpan intoSlot) =>
        MaintenanceBuckets.SlotStart(fixture.Clock.GetUtcNow(), Options.SlotLength) + 2 * Options.SlotLength + intoSlot + OffRound;

    public void AdvanceTo(DateTimeOffset moment)
    {
        var ahead = moment - fixture.Clock.GetUtcNow();
        if (ahead > TimeSpan.Zero)
        {
            fixture.Clock.Advance(ahead);
        }
    }
}
