using AfterSales.Customers;

namespace AfterSales.Bench.Drivers;

/// <summary>A customer the bench registers before the measured phase.</summary>
internal sealed record CustomerSeed(
    string Id, string Name, string Phone, string Email, string Region, CustomerTier Tier, string Language);
