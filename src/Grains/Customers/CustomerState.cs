using AfterSales.Customers;

namespace AfterSales.Customers;

/// <summary>Durable state of <see cref="CustomerGrain"/>.</summary>
[GenerateSerializer, Alias("AfterSales.Grains.CustomerState")]
internal sealed class CustomerState
{
    [Id(0)] public bool Registered { get; set; }
    [Id(1)] public string Name { get; set; } = "";
    [Id(2)] public List<string> Phones { get; set; } = [];
    [Id(3)] public List<string> Emails { get; set; } = [];
    [Id(4)] public string Region { get; set; } = "";
    [Id(5)] public CustomerTier Tier { get; set; }
    [Id(6)] public string Language { get; set; } = "";
    /// <summary>Serials of owned devices, in registration order (bounded).</summary>
    [Id(7)] public List<string> Devices { get; set; } = [];
    /// <summary>The newest cases, newest first (bounded: the full history lives in the case grains).</summary>
    [Id(8)] public List<CaseSummary> RecentCases { get; set; } = [];
    [Id(9)] public DateTimeOffset CreatedAt { get; set; }
    [Id(10)] public int Version { get; set; }
    [Id(11)] public string? IdempotencyKey { get; set; }
    [Id(12)] public string? RequestHash { get; set; }
    /// <summary>When the personal data was erased; null while it is held.</summary>
    [Id(13)] public DateTimeOffset? ErasedAt { get; set; }
    /// <summary>Phones erased whose caller-id index entry may still be pending removal (cleared once removed).</summary>
    [Id(14)] public List<string> PhonesToUnindex { get; set; } = [];
}
