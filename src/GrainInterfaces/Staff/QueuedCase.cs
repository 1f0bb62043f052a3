using AfterSales.Cases;

namespace AfterSales.Staff;

/// <summary>A case waiting in a department queue.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.QueuedCase")]
public sealed record QueuedCase(
    [property: Id(0)] string CaseNumber,
    [property: Id(1)] CasePriority Priority,
    [property: Id(2)] CaseType Type,
    [property: Id(3)] int Weight,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] DateTimeOffset EnqueuedAt);
