using System.Collections.Immutable;

namespace AfterSales.Departments;

/// <summary>What a queue review did: cases whose optional skills were dropped, cases placed in a neighbour
/// region, cases assigned here, and what still waits.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.QueueReview")]
public sealed record QueueReview(
    [property: Id(0)] ImmutableArray<string> Relaxed,
    [property: Id(1)] ImmutableArray<string> Overflowed,
    [property: Id(2)] ImmutableArray<string> Assigned,
    [property: Id(3)] int Queued);
