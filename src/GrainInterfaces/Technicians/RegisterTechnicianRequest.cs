using System.Collections.Immutable;
using AfterSales.Common;

namespace AfterSales.Technicians;

/// <summary>Creates a technician (customer-service agents are technicians of that department).</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.RegisterTechnicianRequest")]
public sealed record RegisterTechnicianRequest(
    [property: Id(0)] string Name,
    [property: Id(1)] Department Department,
    [property: Id(2)] string Region,
    [property: Id(3)] ImmutableArray<Skill> Skills,
    [property: Id(4)] int Capacity,
    [property: Id(5)] bool OnShift)
{
    /// <summary>Idempotency key the client sent with the create, recorded with the technician.</summary>
    [Id(6)] public string? IdempotencyKey { get; init; }

    /// <summary>Hash of the request body; a second create with the same hash is a replay.</summary>
    [Id(7)] public string? RequestHash { get; init; }
}
