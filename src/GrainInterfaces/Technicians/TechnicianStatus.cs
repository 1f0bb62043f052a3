using System.Collections.Immutable;
using AfterSales.Common;

namespace AfterSales.Technicians;

/// <summary>What a department needs to know of a technician to route work: pushed by the technician
/// whenever it changes, so routing never has to ask every technician.</summary>
/// <param name="Load">Capacity units in use.</param>
/// <param name="Sequence">Monotonic per technician; a department ignores a status older than the one it holds.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.TechnicianStatus")]
public sealed record TechnicianStatus(
    [property: Id(0)] string TechnicianId,
    [property: Id(1)] Department Department,
    [property: Id(2)] string Region,
    [property: Id(3)] int Capacity,
    [property: Id(4)] int Load,
    [property: Id(5)] bool OnShift,
    [property: Id(6)] ImmutableArray<Skill> Skills,
    [property: Id(7)] DateTimeOffset? LastAssignedAt,
    [property: Id(8)] long Sequence)
{
    /// <summary>On shift but taking no new work (<see cref="OnShift"/> stays true).</summary>
    [Id(9)] public bool Away { get; init; }

    /// <summary>The technician's latest cases finished after a start, newest first (at most
    /// <see cref="RecentCompletions"/>): its department's handling times come from these, with no call of their own.</summary>
    [Id(10)] public ImmutableArray<CompletedWork> Completed { get; init; } = [];

    /// <summary>The cases held now, oldest assignment first (at most <see cref="MaxHeldShown"/>).</summary>
    [Id(11)] public ImmutableArray<HeldWork> Held { get; init; } = [];

    /// <summary>How many finished cases a status carries.</summary>
    public const int RecentCompletions = 8;

    /// <summary>How many held cases a status carries at most (the oldest: they free room first).</summary>
    public const int MaxHeldShown = 64;

    /// <summary>Presence as one value.</summary>
    public Presence Presence => !OnShift ? Presence.OffShift : Away ? Presence.Away : Presence.OnShift;

    /// <summary>True when the technician takes new work (on shift and not away).</summary>
    public bool Available => OnShift && !Away;

    /// <summary>True when the technician has room for a case of <paramref name="weight"/> units (<see cref="CapacityRule"/>).</summary>
    public bool Fits(int weight) => CapacityRule.Fits(Load, Capacity, weight);

    /// <summary>Free capacity units.</summary>
    public int Free => Math.Max(0, Capacity - Load);

    /// <summary>Share of capacity in use (1 when capacity is zero).</summary>
    public double LoadRatio => Capacity <= 0 ? 1d : (double)Load / Capacity;
}
