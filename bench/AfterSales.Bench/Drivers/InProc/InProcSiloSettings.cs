namespace AfterSales.Bench.Drivers.InProc;

/// <summary>How the bench hosts its in-process silo.</summary>
/// <param name="MemoryStorage">Replace the durable grain storage with the silo's memory store (state, rows and event
/// journal kept as serialized bytes, no I/O), to isolate grain cost.</param>
/// <param name="Regions">Regions the deployment serves (the <c>AfterSales:Regions</c> setting); null keeps the configured default.</param>
/// <param name="Settings">Extra configuration keys (<c>AfterSales:Hosting:…</c> style).</param>
/// <param name="KeepData">Leave the temp data folder behind.</param>
/// <param name="MaintenanceSink">Acknowledge the scheduler's maintenance hand-overs on the silo (<see cref="InProc.MaintenanceSink"/>)
/// instead of sending them to device grains.</param>
internal sealed record InProcSiloSettings(
    bool MemoryStorage, IReadOnlyList<string>? Regions, IReadOnlyDictionary<string, string> Settings, bool KeepData, bool MaintenanceSink = false);
