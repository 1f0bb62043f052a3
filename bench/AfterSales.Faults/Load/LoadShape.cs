namespace AfterSales.Faults.Load;

/// <summary>The load a run offers.</summary>
/// <param name="Workers">Concurrent clients, each sending its next operation when the last one ended.</param>
/// <param name="ReadShare">The share of operations that are reads (0 for a write-only run, 0.7 for the mixed one).</param>
/// <param name="Pause">Each client's pause between operations, to keep the box from saturating (0: none).</param>
public sealed record LoadShape(int Workers, double ReadShare, TimeSpan Pause)
{
    /// <summary>The short fault tests' load: writes only, a few hundred a second at most on 2 cores.</summary>
    public static LoadShape FaultTest { get; } = new(6, 0, TimeSpan.FromMilliseconds(20));

    /// <summary>The mixed workload: 70 % reads, 30 % writes.</summary>
    public static LoadShape Mixed(int workers) => new(workers, 0.7, TimeSpan.Zero);
}
