namespace AfterSales.Bench.Storage;

/// <summary>The same items kept inside the state's record, as the grains kept them before rows: every write
/// serializes and stores all of them.</summary>
[GenerateSerializer, Alias("AfterSales.Bench.Storage.BlobBenchState")]
public sealed class BlobBenchState
{
    [Id(0)] public int Revision { get; set; }

    [Id(1)] public Dictionary<string, BenchItem> Items { get; set; } = [];
}
