namespace AfterSales.Sla;

/// <summary>A case's standing against one target, computed from the clock when read.</summary>
/// <param name="StartedAt">When this clock started (null: not started, e.g. next update before the first response).</param>
/// <param name="DueAt">When the target is due (null while paused or not started).</param>
/// <param name="WarningAt">When the warning point is reached (null while paused or not started).</param>
/// <param name="StoppedAt">When the clock stopped (first response, resolution); null while it runs.</param>
/// <param name="Elapsed">Time counted so far (business or calendar, as the target says), pauses excluded.</param>
/// <param name="Met">True when stopped in time, false when stopped late or already past the target, null while undecided.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Sla.SlaTargetStatus")]
public sealed record SlaTargetStatus(
    [property: Id(0)] SlaTarget Target,
    [property: Id(1)] DateTimeOffset? StartedAt,
    [property: Id(2)] DateTimeOffset? DueAt,
    [property: Id(3)] DateTimeOffset? WarningAt,
    [property: Id(4)] DateTimeOffset? StoppedAt,
    [property: Id(5)] TimeSpan Elapsed,
    [property: Id(6)] bool? Met,
    [property: Id(7)] SlaState State);

/// <summary>A case's SLA: the rule that set its targets, where each stands, and the clock's totals.</summary>
/// <param name="RuleId">The policy rule the targets come from.</param>
/// <param name="PolicyVersion">The policy version the rule was read from.</param>
/// <param name="CalendarRegion">The region whose business calendar counts the case's business time.</param>
/// <param name="State">The worst state of the three targets.</param>
/// <param name="Paused">True while the case waits for the customer.</param>
/// <param name="ElapsedBusinessTime">Business time from opening to now (or resolution), pauses excluded.</param>
/// <param name="PausedBusinessTime">Business time spent paused.</param>
/// <param name="NextUpdateMisses">How many updates to the customer came after their due time.</param>
/// <param name="NextDueAt">The next instant a warning point or due time is reached; null when nothing is running.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Sla.CaseSla")]
public sealed record CaseSla(
    [property: Id(0)] string RuleId,
    [property: Id(1)] int PolicyVersion,
    [property: Id(2)] string CalendarRegion,
    [property: Id(3)] int WarningPercent,
    [property: Id(4)] SlaState State,
    [property: Id(5)] bool Paused,
    [property: Id(6)] TimeSpan ElapsedBusinessTime,
    [property: Id(7)] TimeSpan PausedBusinessTime,
    [property: Id(8)] SlaTargetStatus FirstResponse,
    [property: Id(9)] SlaTargetStatus NextUpdate,
    [property: Id(10)] SlaTargetStatus Resolution,
    [property: Id(11)] int NextUpdateMisses,
    [property: Id(12)] DateTimeOffset? NextDueAt)
{
    /// <summary>The department predicts the next open target will be missed (see <see cref="SlaState.AtRisk"/>); the
    /// state shows <c>atRisk</c> when it is otherwise <c>ok</c>.</summary>
    [Id(17)] public bool AtRisk { get; init; }

    /// <summary>The prediction behind <see cref="AtRisk"/>; null when not at risk.</summary>
    [Id(18)] public SlaForecast? Forecast { get; init; }
}
