using System.Collections.Immutable;

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

    /// <summary>Cases a technician dropped (off shift) that are not yet back in the queue: written before the
    /// cases are asked, so a failure or a restart retries instead of losing them.</summary>
    [Id(2)] public List<PendingReturn> PendingReturns { get; set; } = [];
}

/// <summary>A waiting case and what an offer for it needs besides the public queue entry.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.Grains.QueueEntry")]
internal sealed record QueueEntry([property: Id(0)] QueuedCase Case, [property: Id(1)] string CustomerId)
{
    /// <summary>The rules the requirements came from (shown in decisions).</summary>
    [Id(2)] public ImmutableArray<string> MatchedRuleIds { get; init; } = [];

    /// <summary>Customer affinity.</summary>
    [Id(3)] public string? PreferredTechnicianId { get; init; }
}

/// <summary>A case dropped by a technician going off shift, waiting to be put back in the queue.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.Grains.PendingReturn")]
internal sealed record PendingReturn([property: Id(0)] string CaseNumber, [property: Id(1)] string TechnicianId);
