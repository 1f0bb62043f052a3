namespace AfterSales.Hosting;

/// <summary>How the case-list consumers follow the journal (section <c>AfterSales:CaseFeed</c>), checked at start by
/// <see cref="CaseFeedOptionsValidator"/>.</summary>
/// <remarks>The live stream applies a change within its delivery time (memory streams poll their queues every 100 ms);
/// an event whose publish was lost is applied by the next catch-up, so the list lags the journal by at most
/// <see cref="CatchUpInterval"/> plus one catch-up's work while its consumer is active (docs/CASE-LIST.md).</remarks>
public sealed class CaseFeedOptions
{
    public const string SectionName = "AfterSales:CaseFeed";

    /// <summary>How often the catch-up reader reads the journal past the partitions' checkpoints. Default 2 seconds
    /// (100 ms to 5 minutes).</summary>
    public TimeSpan CatchUpInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Journal events read per page. Default 1,000 (10 to 10,000).</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>How many positions below its checkpoint a catch-up starts re-reading (on PostgreSQL a lower position
    /// can become visible after a higher one; re-read events are dropped as duplicates). Default 200 (0 to 100,000).</summary>
    public int Overlap { get; set; } = 200;

    /// <summary>The most a catch-up works in one turn before letting live events in; it continues next tick.
    /// Default 2 seconds (100 ms to 1 minute).</summary>
    public TimeSpan MaxCatchUpTurn { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a partition gathers live events before applying them in one write: the events of a case's
    /// opening, routing and assignment then cost one row write, and a burst one writer command per partition rather
    /// than one per delivery. Zero applies each delivery at once. Default 100 ms (0 to 1 second).</summary>
    public TimeSpan LiveBatchDelay { get; set; } = TimeSpan.FromMilliseconds(100);
}
