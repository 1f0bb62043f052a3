using AfterSales.Common;
using AfterSales.Installation;
using AfterSales.Persistence;
using AfterSales.Routing;

namespace AfterSales.Cases;

/// <summary>Durable state of <see cref="CaseGrain"/>: a bounded record, the notes one row each, and the journal of
/// every change (appended with the record, never rewritten, never cut).</summary>
[GenerateSerializer, Alias("AfterSales.Grains.CaseState")]
internal sealed class CaseState : IRowBackedState
{
    /// <summary>The stream type of a case's events in the journal.</summary>
    public const string StreamType = "case";

    /// <summary>How many commands' idempotency keys a case remembers: enough for the retries of a burst of commands,
    /// few enough that the record stays small (a key older than that is answered as a new command).</summary>
    public const int MaxCommandKeys = 32;

    [Id(0)] public bool Opened { get; set; }
    [Id(1)] public CaseType Type { get; set; }
    [Id(2)] public CasePriority Priority { get; set; }
    [Id(3)] public CaseChannel Channel { get; set; }
    [Id(4)] public CaseStatus Status { get; set; }
    [Id(5)] public string CustomerId { get; set; } = "";
    [Id(6)] public string? DeviceSerial { get; set; }
    [Id(7)] public string Subject { get; set; } = "";
    [Id(8)] public string Description { get; set; } = "";
    [Id(9)] public Department Department { get; set; }
    [Id(10)] public string Region { get; set; } = "";
    /// <summary>The technician holding the case; kept after resolve/cancel to show who worked it (and for reopen).</summary>
    [Id(11)] public string? AssignedTechnicianId { get; set; }
    /// <summary>True while the case waits in its department's queue.</summary>
    [Id(12)] public bool Queued { get; set; }
    /// <summary>Notes of a case stored before notes became rows: moved into <see cref="Notes"/> on activation.</summary>
    [Id(13)] public List<CaseNote> LegacyNotes { get; set; } = [];
    [Id(14)] public string? ResolutionSummary { get; set; }
    [Id(15)] public DateTimeOffset CreatedAt { get; set; }
    [Id(16)] public DateTimeOffset? FirstResponseAt { get; set; }
    [Id(17)] public DateTimeOffset? ResolvedAt { get; set; }
    [Id(18)] public DateTimeOffset? ClosedAt { get; set; }
    [Id(19)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(20)] public int ReopenCount { get; set; }
    [Id(21)] public int Version { get; set; }
    /// <summary>The audit trail of a case stored before the journal: moved into it on activation.</summary>
    [Id(22)] public List<CaseEvent> LegacyHistory { get; set; } = [];
    [Id(23)] public int LastEventSequence { get; set; }
    [Id(24)] public int LastNoteId { get; set; }
    [Id(25)] public string? IdempotencyKey { get; set; }
    [Id(26)] public string? RequestHash { get; set; }
    /// <summary>The device's model, read at open (skill rules match it).</summary>
    [Id(27)] public string? DeviceModel { get; set; }
    /// <summary>Fault category given at open (skill rules match it).</summary>
    [Id(28)] public string? Category { get; set; }
    /// <summary>Customer affinity: the technician of the customer's previous case, read at open.</summary>
    [Id(29)] public string? PreferredTechnicianId { get; set; }
    /// <summary>True once a queue dropped the optional skills; later routing of this case keeps them dropped.</summary>
    [Id(30)] public bool OptionalRelaxed { get; set; }
    /// <summary>The most recent routing decisions, oldest first (bounded).</summary>
    [Id(31)] public List<RoutingDecision> Decisions { get; set; } = [];
    /// <summary>Why the case waits while queued (from its department); null otherwise.</summary>
    [Id(32)] public WaitingReason? Waiting { get; set; }
    /// <summary>What the device was entitled to on the day the case opened (null without a device).</summary>
    [Id(33)] public Devices.Entitlement? Entitlement { get; set; }
    /// <summary>Skills the device's model needs for this kind of case (installation or maintenance), read at open.</summary>
    [Id(34)] public List<SkillRequirement> ModelSkills { get; set; } = [];
    // Id 35 (whether the device was told the case is open) is retired: the case now tells its device after every change.
    /// <summary>An installation work order's visit window agreed with the customer.</summary>
    [Id(38)] public InstallationWindow? InstallationWindow { get; set; }
    /// <summary>Cases this one is related to (at most <see cref="CaseGrain.MaxRelatedCases"/>).</summary>
    [Id(39)] public List<RelatedCase> RelatedCases { get; set; } = [];
    /// <summary>The shipment that opened this installation work order.</summary>
    [Id(40)] public string? ShipmentId { get; set; }
    /// <summary>The fault code given at open (as the model spells it), or the code a problem groups.</summary>
    [Id(43)] public string? FaultCode { get; set; }
    /// <summary>The known solution the last resolution named.</summary>
    [Id(44)] public string? SolutionId { get; set; }
    /// <summary>The new solution the last resolution described.</summary>
    [Id(45)] public string? ProposedSolution { get; set; }
    /// <summary>The problem this case is a child of.</summary>
    [Id(46)] public string? Problem { get; set; }
    /// <summary>What a problem case groups; null for other cases.</summary>
    [Id(47)] public ProblemScope? Scope { get; set; }
    /// <summary>The order of the last child linked to this problem.</summary>
    [Id(48)] public int LastChildOrder { get; set; }
    /// <summary>The id of the last visit recorded.</summary>
    [Id(59)] public int LastVisitId { get; set; }
    /// <summary>The case's SLA clock and due times; null for a case stored before SLAs (started at its next change).</summary>
    [Id(60)] public CaseSlaState? Sla { get; set; }
    /// <summary>The complaints filed about the case and recorded in its history (each once).</summary>
    [Id(67)] public List<string> ComplaintIds { get; set; } = [];
    /// <summary>When the customer's personal data was erased from the case (GDPR); null while it was not.</summary>
    [Id(68)] public DateTimeOffset? PersonalDataErasedAt { get; set; }
    /// <summary>The idempotency keys of the latest commands sent with one (actions, notes, assignments, priority changes;
    /// at most <see cref="MaxCommandKeys"/>, oldest first). Kept in the record, so a key is stored in the same write as
    /// its change.</summary>
    [Id(61)] public List<CommandKey> CommandKeys { get; set; } = [];
    /// <summary>What a maintenance work order of a device's plan or rule is for; null for other cases.</summary>
    [Id(49)] public Maintenance.MaintenanceOrder? Maintenance { get; set; }

    /// <summary>The notes, keyed by their id (rows: not part of the serialized record).</summary>
    [field: NonSerialized]
    public StateRows<CaseNote> Notes { get; } = new("note");

    /// <summary>Events recorded since the last write (journal: not part of the serialized record).</summary>
    [field: NonSerialized]
    public EventJournal Events { get; } = new(StreamType);

    /// <summary>A problem's children, keyed by case number (rows: not part of the serialized record).</summary>
    [field: NonSerialized]
    public StateRows<ProblemChild> Children { get; } = new("child");

    /// <summary>The visits recorded on the case, keyed by their id (rows: not part of the serialized record).</summary>
    [field: NonSerialized]
    public StateRows<CaseVisit> Visits { get; } = new("visit");

    /// <summary>The satisfaction surveys issued on the case, keyed by what each is about (rows: not part of the serialized record).</summary>
    [field: NonSerialized]
    public StateRows<Surveys.CaseSurvey> Surveys { get; } = new("survey");

    IReadOnlyList<IStateRows> IRowBackedState.RowSets => [Notes, Children, Visits, Surveys];

    EventJournal IRowBackedState.Journal => Events;
}

/// <summary>A command made with an idempotency key: a retry with the key and the same request is a replay. The request
/// hash covers the command's kind, so a key reused for another command is refused. (The alias is the one priority
/// changes were first stored under.)</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.Grains.PriorityChangeKey")]
internal sealed record CommandKey([property: Id(0)] string Key, [property: Id(1)] string? RequestHash);
