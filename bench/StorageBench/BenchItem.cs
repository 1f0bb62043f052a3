namespace AfterSales.Bench.Storage;

/// <summary>One item of a growing collection, of roughly the size of a technician's assignment or a queue entry.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.Bench.Storage.BenchItem")]
public sealed record BenchItem(
    [property: Id(0)] string CaseNumber,
    [property: Id(1)] string Department,
    [property: Id(2)] int Weight,
    [property: Id(3)] DateTimeOffset Since,
    [property: Id(4)] int Revision);
