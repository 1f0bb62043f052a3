namespace AfterSales.Bench.Stats;

/// <summary>Single-row upserts the database took from the bench's own writers (the raw write ceiling).</summary>
/// <param name="Upserts">Upserts that committed, over both halves.</param>
/// <param name="Elapsed">Time the writers ran, over both halves.</param>
/// <param name="Writers">Writers, each on its own connection, one upsert in flight each.</param>
/// <param name="PayloadBytes">Size of each row's payload.</param>
/// <param name="Halves">Each half's rate, e.g. <c>before 5,100/s, after 4,900/s</c>.</param>
/// <param name="Errors">Upserts that failed.</param>
/// <param name="FirstError">The first failure's message, if any.</param>
internal sealed record UpsertRate(long Upserts, TimeSpan Elapsed, int Writers, int PayloadBytes, string Halves, long Errors, string? FirstError)
{
    public double PerSecond => Elapsed <= TimeSpan.Zero ? 0 : Upserts / Elapsed.TotalSeconds;
}

/// <summary>The database side of a run against a cluster: the row writes of the measured phase by table, and the raw
/// upsert ceiling measured in the same run.</summary>
/// <param name="Tables">Row writes of the measured phase (the scratch table of the ceiling left out).</param>
/// <param name="Ceiling">The upsert ceiling; null when it could not be measured.</param>
/// <param name="Settling">How the statistics were waited for, e.g. <c>settled after 12.5 s before, 14.0 s after</c>.</param>
/// <param name="ActiveSilos">Silos Active in the cluster's membership table during the run; null when unknown.</param>
internal sealed record ClusterWrites(TableWriteTally Tables, UpsertRate? Ceiling, string Settling, int? ActiveSilos)
{
    /// <summary>Row writes per operation, all tables together; null without an operation.</summary>
    public double? WritesPerOperation(long operations) => operations > 0 ? Tables.Writes / (double)operations : null;

    /// <summary>Operations/s × row writes per operation, as a share of the upsert ceiling's rate: how close the run's
    /// own writes came to what the database takes from plain single-row upserts. Null without a ceiling or an
    /// operation.</summary>
    public double? ShareOfCeiling(double operationsPerSecond, long operations) =>
        Ceiling is { PerSecond: > 0 } ceiling && WritesPerOperation(operations) is { } perOperation
            ? operationsPerSecond * perOperation / ceiling.PerSecond
            : null;
}
