namespace AfterSales.Bench.Storage;

/// <summary>A grain state of roughly the size of a case (a few hundred bytes serialized).</summary>
[GenerateSerializer, Alias("AfterSales.Bench.Storage.BenchState")]
public sealed class BenchState
{
    [Id(0)] public string Subject { get; set; } = "";
    [Id(1)] public string Description { get; set; } = "";
    [Id(2)] public int Revision { get; set; }
    [Id(3)] public DateTimeOffset ChangedAt { get; set; }
}
