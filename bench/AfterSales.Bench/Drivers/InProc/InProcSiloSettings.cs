namespace AfterSales.Bench.Drivers.InProc;

/// <summary>How the bench hosts its in-process silo.</summary>
/// <param name="MemoryStorage">Replace the durable grain storage with memory storage, to isolate grain cost.</param>
/// <param name="OrleansStateSerializer">Memory storage: serialize state with the Orleans binary serializer rather than
/// the silo's grain-storage serializer.</param>
/// <param name="Regions">Regions the deployment serves (the <c>AfterSales:Regions</c> setting); null keeps the configured default.</param>
/// <param name="Settings">Extra configuration keys (<c>AfterSales:Hosting:…</c> style).</param>
/// <param name="KeepData">Leave the temp data folder behind.</param>
internal sealed record InProcSiloSettings(
    bool MemoryStorage, bool OrleansStateSerializer, IReadOnlyList<string>? Regions, IReadOnlyDictionary<string, string> Settings, bool KeepData);
