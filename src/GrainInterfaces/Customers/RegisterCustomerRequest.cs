using System.Collections.Immutable;

namespace AfterSales.Customers;

/// <summary>Creates a customer. Phones are already normalised to E.164 and emails lower-cased.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.RegisterCustomerRequest")]
public sealed record RegisterCustomerRequest(
    [property: Id(0)] string Name,
    [property: Id(1)] ImmutableArray<string> Phones,
    [property: Id(2)] ImmutableArray<string> Emails,
    [property: Id(3)] string Region,
    [property: Id(4)] CustomerTier Tier,
    [property: Id(5)] string Language)
{
    /// <summary>Idempotency key the client sent with the create, recorded with the customer.</summary>
    [Id(6)] public string? IdempotencyKey { get; init; }

    /// <summary>Hash of the request body; a second create with the same hash is a replay, not a conflict.</summary>
    [Id(7)] public string? RequestHash { get; init; }
}
