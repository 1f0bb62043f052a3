using System.Collections.Immutable;

namespace AfterSales.Customers;

/// <summary>A customer as seen from outside the grain: profile, devices and recent cases.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.CustomerSnapshot")]
public sealed record CustomerSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] ImmutableArray<string> Phones,
    [property: Id(3)] ImmutableArray<string> Emails,
    [property: Id(4)] string Region,
    [property: Id(5)] CustomerTier Tier,
    [property: Id(6)] string Language,
    [property: Id(7)] ImmutableArray<string> Devices,
    [property: Id(8)] ImmutableArray<CaseSummary> RecentCases,
    [property: Id(9)] DateTimeOffset CreatedAt,
    [property: Id(10)] int Version)
{
    /// <summary>When the customer's personal data was erased (GDPR); null while it is held.</summary>
    [Id(11)] public DateTimeOffset? ErasedAt { get; init; }
}
