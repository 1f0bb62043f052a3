using System.Collections.Immutable;
using AfterSales.Common;
using AfterSales.Persistence;

namespace AfterSales.Technicians;

/// <summary>Durable state of <see cref="TechnicianGrain"/>: a small record, and the assignments one row each, so taking
/// or dropping a case writes one row however many the technician holds.</summary>
[GenerateSerializer, Alias("AfterSales.Grains.TechnicianState")]
internal sealed class TechnicianState : IRowBackedState
{
    [Id(0)] public bool Registered { get; set; }
    [Id(1)] public string Name { get; set; } = "";
    [Id(2)] public Department Department { get; set; }
    [Id(3)] public string Region { get; set; } = "";
    [Id(4)] public ImmutableArray<Skill> Skills { get; set; } = [];
    [Id(5)] public int Capacity { get; set; }
    /// <summary>On shift (possibly away); false when off shift.</summary>
    [Id(6)] public bool OnShift { get; set; }
    /// <summary>Assignments of a technician stored before they became rows: moved into <see cref="Assignments"/> on activation.</summary>
    [Id(7)] public List<Assignment> LegacyAssignments { get; set; } = [];
    [Id(8)] public DateTimeOffset? LastAssignedAt { get; set; }
    /// <summary>Bumped on every change of the routing view, so departments can drop stale pushes.</summary>
    [Id(9)] public long Sequence { get; set; }
    [Id(10)] public DateTimeOffset CreatedAt { get; set; }
    [Id(11)] public int Version { get; set; }
    [Id(12)] public string? IdempotencyKey { get; set; }
    [Id(13)] public string? RequestHash { get; set; }
    /// <summary>On shift but taking no new work.</summary>
    [Id(14)] public bool Away { get; set; }
    /// <summary>Weekly shift pattern in the region's time zone; empty when presence is set by hand only.</summary>
    [Id(15)] public List<ShiftWindow> ShiftPattern { get; set; } = [];
    /// <summary>A manual presence change made while a pattern applies holds until this instant.</summary>
    [Id(16)] public DateTimeOffset? PresenceHeldUntil { get; set; }
    /// <summary>Every assignment made at or before this instant was confirmed by its case (or released).</summary>
    [Id(17)] public DateTimeOffset? VerifiedThrough { get; set; }

    /// <summary>The cases dropped when the technician last went off shift, kept so that its department can return
    /// them again if the one-way message was lost.</summary>
    [Id(18)] public ReturnedCases? LastReturned { get; set; }

    /// <summary>The latest cases released after a start, newest first (at most
    /// <see cref="TechnicianStatus.RecentCompletions"/>): the department's handling times come from them.</summary>
    [Id(19)] public List<CompletedWork> RecentCompletions { get; set; } = [];

    /// <summary>Cases held now, keyed by case number; bounded by <see cref="Capacity"/> (rows: not part of the record).</summary>
    [field: NonSerialized]
    public StateRows<Assignment> Assignments { get; } = new("assignment");

    IReadOnlyList<IStateRows> IRowBackedState.RowSets => [Assignments];

    EventJournal? IRowBackedState.Journal => null;

    public Presence Presence => !OnShift ? Presence.OffShift : Away ? Presence.Away : Presence.OnShift;
}
