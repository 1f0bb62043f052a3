namespace AfterSales.Bench.Options;

/// <summary>How the bench reaches the system under test.</summary>
internal enum BenchMode
{
    /// <summary>The public HTTP API: a running instance (<c>--url</c>) or one the bench starts (<c>--self-host</c>).</summary>
    Http,
    /// <summary>Grain calls through <c>IGrainFactory</c> to a silo hosted in the bench process.</summary>
    InProc,
}
