namespace AfterSales.Staff;

/// <summary>Durable state of <see cref="DepartmentGrain"/>.</summary>
[GenerateSerializer, Alias("AfterSales.Grains.DepartmentState")]
internal sealed class DepartmentState
{
    /// <summary>Roster: technician id → last known routing status. Statuses are written with membership and
    /// queue changes only (not on every push); a reactivated department refreshes them from the technicians.</summary>
    [Id(0)] public Dictionary<string, TechnicianStatus> Roster { get; set; } = [];

    /// <summary>Waiting cases, kept sorted in queue order.</summary>
    [Id(1)] public List<QueueEntry> Queue { get; set; } = [];
}

/// <summary>A waiting case and what an offer for it needs besides the public queue entry.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.Grains.QueueEntry")]
internal sealed record QueueEntry([property: Id(0)] QueuedCase Case, [property: Id(1)] string CustomerId);
