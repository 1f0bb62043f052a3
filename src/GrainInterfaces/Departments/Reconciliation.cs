using System.Collections.Immutable;

namespace AfterSales.Departments;

/// <summary>What one reconciliation of a department with its roster and its queued cases did.</summary>
/// <param name="Refreshed">Technicians whose status was read again.</param>
/// <param name="Left">Technicians dropped from the roster (no longer registered, or homed in another shard).</param>
/// <param name="Returned">Cases a technician dropped going off shift that had not come back to a queue.</param>
/// <param name="Dropped">Queue entries dropped because their case no longer waits here.</param>
/// <param name="Retold">Notices sent again to queued cases that missed them (waiting reason, relaxed skills).</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Reconciliation")]
public sealed record Reconciliation(
    [property: Id(0)] int Refreshed,
    [property: Id(1)] int Left,
    [property: Id(2)] ImmutableArray<string> Returned,
    [property: Id(3)] ImmutableArray<string> Dropped,
    [property: Id(4)] int Retold);
