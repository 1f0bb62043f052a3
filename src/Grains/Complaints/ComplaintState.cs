using AfterSales.Cases;
using AfterSales.Persistence;

namespace AfterSales.Complaints;

/// <summary>Durable state of <see cref="ComplaintGrain"/>: a bounded record, the notes one row each, and the journal of
/// every change (appended with the record, never rewritten, never cut).</summary>
[GenerateSerializer, Alias("AfterSales.Grains.ComplaintState")]
internal sealed class ComplaintState : IRowBackedState
{
    /// <summary>The stream type of a complaint's events in the journal.</summary>
    public const string StreamType = "complaint";

    [Id(0)] public bool Filed { get; set; }
    [Id(1)] public string CustomerId { get; set; } = "";
    [Id(2)] public ComplaintChannel Channel { get; set; }
    [Id(3)] public ComplaintCategory Category { get; set; }
    [Id(4)] public ComplaintSeverity Severity { get; set; }
    [Id(5)] public string Description { get; set; } = "";
    [Id(6)] public ComplaintStatus Status { get; set; }
    [Id(7)] public string? CaseNumber { get; set; }
    [Id(8)] public string? DeviceSerial { get; set; }
    [Id(9)] public string? TechnicianId { get; set; }
    [Id(10)] public DateTimeOffset ReceivedAt { get; set; }
    [Id(11)] public string ReceivedBy { get; set; } = "";
    [Id(12)] public DateTimeOffset AcknowledgementDueAt { get; set; }
    [Id(13)] public DateTimeOffset? AcknowledgedAt { get; set; }
    /// <summary>True once the passing of the acknowledgement target was recorded (it is recorded once).</summary>
    [Id(14)] public bool AcknowledgementOverdueRecorded { get; set; }
    [Id(15)] public RootCauseCategory? RootCause { get; set; }
    [Id(16)] public string? CorrectiveAction { get; set; }
    [Id(17)] public string? SubmittedBy { get; set; }
    [Id(18)] public DateTimeOffset? SubmittedAt { get; set; }
    [Id(19)] public string? ReviewedBy { get; set; }
    [Id(20)] public DateTimeOffset? ReviewedAt { get; set; }
    [Id(21)] public DateTimeOffset? ResolvedAt { get; set; }
    /// <summary>While resolved: when the platform closes the complaint unless the customer answers first.</summary>
    [Id(22)] public DateTimeOffset? AutoCloseAt { get; set; }
    [Id(23)] public DateTimeOffset? ClosedAt { get; set; }
    [Id(24)] public ComplaintClosure? Closure { get; set; }
    [Id(25)] public int ReopenCount { get; set; }
    [Id(26)] public int SendBackCount { get; set; }
    [Id(27)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(28)] public int Version { get; set; }
    [Id(29)] public long LastEventSequence { get; set; }
    [Id(30)] public int LastNoteId { get; set; }
    [Id(31)] public string? IdempotencyKey { get; set; }
    [Id(32)] public string? RequestHash { get; set; }

    /// <summary>When the GDPR erase of the customer replaced the complaint's texts.</summary>
    [Id(33)] public DateTimeOffset? PersonalDataErasedAt { get; set; }

    /// <summary>The notes, keyed by their id (rows: not part of the serialized record).</summary>
    [field: NonSerialized]
    public StateRows<CaseNote> Notes { get; } = new("note");

    /// <summary>Events recorded since the last write (journal: not part of the serialized record).</summary>
    [field: NonSerialized]
    public EventJournal Events { get; } = new(StreamType);

    IReadOnlyList<IStateRows> IRowBackedState.RowSets => [Notes];

    EventJournal IRowBackedState.Journal => Events;
}
