using AfterSales.Customers;
using AfterSales.Sla;

namespace AfterSales.Cases;

/// <summary>A case's SLA as stored with the case (part of its one record: no write of its own): the rule's targets,
/// what the rule was chosen for, the clock's pauses and stops, and the due times computed at the case's last change.</summary>
[GenerateSerializer, Alias("AfterSales.Grains.CaseSlaState")]
internal sealed class CaseSlaState
{
    /// <summary>Most pauses a case keeps apart; a later pause joins the last one (the time between them counts as paused).</summary>
    public const int MaxPauses = 100;

    /// <summary>The customer's tier, read at open (rules match on it when they are chosen again).</summary>
    [Id(0)] public CustomerTier CustomerTier { get; set; }
    /// <summary>The rule the targets come from; null when no rule matched (the case has no SLA).</summary>
    [Id(1)] public string? RuleId { get; set; }
    /// <summary>The policy version the rule was chosen from; -1 before a rule was chosen.</summary>
    [Id(2)] public int PolicyVersion { get; set; } = -1;
    [Id(3)] public SlaTarget? FirstResponse { get; set; }
    [Id(4)] public SlaTarget? NextUpdate { get; set; }
    [Id(5)] public SlaTarget? Resolution { get; set; }
    [Id(6)] public int WarningPercent { get; set; }
    /// <summary>What the rule was chosen for: a change of any of these chooses again.</summary>
    [Id(7)] public CasePriority ChosenForPriority { get; set; }
    [Id(8)] public CaseType ChosenForType { get; set; }
    [Id(9)] public Common.Department ChosenForDepartment { get; set; }
    [Id(10)] public string ChosenForRegion { get; set; } = "";
    /// <summary>Closed pauses, oldest first.</summary>
    [Id(11)] public List<SlaPause> Pauses { get; set; } = [];
    [Id(12)] public DateTimeOffset? PausedSince { get; set; }
    /// <summary>Resolution or cancellation: every clock stopped here (cleared by a reopen).</summary>
    [Id(13)] public DateTimeOffset? StoppedAt { get; set; }
    /// <summary>The latest update to the customer: the next-update clock runs from here.</summary>
    [Id(14)] public DateTimeOffset? LastUpdateAt { get; set; }
    [Id(15)] public int NextUpdateMisses { get; set; }
    [Id(16)] public DateTimeOffset? FirstResponseDue { get; set; }
    [Id(17)] public DateTimeOffset? NextUpdateDue { get; set; }
    [Id(18)] public DateTimeOffset? ResolutionDue { get; set; }
    /// <summary>The next instant a warning point or due time falls (what a scheduler wakes the case for); null when
    /// nothing runs (paused, stopped, no SLA).</summary>
    [Id(19)] public DateTimeOffset? NextDueAt { get; set; }
    /// <summary>The calendar version the due times were computed with.</summary>
    [Id(20)] public int CalendarVersion { get; set; }
    /// <summary>The instant the case registered with the SLA scheduler (its bucket follows from it); null when none.</summary>
    [Id(21)] public DateTimeOffset? ScheduledAt { get; set; }
    /// <summary>The warnings and breaches recorded, one key per target, kind and run of the clock
    /// (see <see cref="Domain.Sla.SlaMilestones"/>), so none is recorded twice.</summary>
    [Id(22)] public List<string> Fired { get; set; } = [];
    /// <summary>The SLA state the case list shows as of the last write (<c>ok</c>, <c>atRisk</c>, <c>warning</c>,
    /// <c>breached</c>); null without an SLA.</summary>
    [Id(23)] public string? ListState { get; set; }
    /// <summary>The department's prediction while it flags the case at risk of breaching its next target; null otherwise.</summary>
    [Id(29)] public SlaForecast? AtRisk { get; set; }
    /// <summary>When the department last acted on a predicted breach of this case (the cool-down runs from here).</summary>
    [Id(30)] public DateTimeOffset? ReroutedAt { get; set; }
}

/// <summary>A closed pause of a case's SLA clock.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.Grains.SlaPause")]
internal sealed record SlaPause([property: Id(0)] DateTimeOffset From, [property: Id(1)] DateTimeOffset To);
