namespace AfterSales.Tests.Grains.Infrastructure;

/// <summary>
/// The grain-test cluster with the grains' timers on the fake <see cref="ClusterFixture.Clock"/> as well: advancing the
/// clock fires every grain timer that falls due, as it would in time. For tests of what a grain's own timer does when
/// nothing else calls it (the schedulers' one-shot timers); reminders and Orleans' other clocks stay on real time, so a
/// reminder set an hour or more ahead never ticks during a test. Its own collection: the other grain tests keep their
/// timers on real time.
/// </summary>
public sealed class TimedClusterFixture() : ClusterFixture(grainTimersOnClock: true);

[CollectionDefinition(Name)]
public sealed class TimedClusterCollection : ICollectionFixture<TimedClusterFixture>
{
    public const string Name = "timed cluster";
}
