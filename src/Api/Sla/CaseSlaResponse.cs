using AfterSales.Sla;

namespace AfterSales.Api.Sla;

/// <summary>A case's SLA as of the read (the state is computed from the clock then, not stored).</summary>
/// <param name="RuleId">The policy rule the targets come from.</param>
/// <param name="PolicyVersion">The policy version the rule was read from.</param>
/// <param name="CalendarRegion">The region whose business calendar counts the business time.</param>
/// <param name="WarningPercent">The warning point, in percent of each target.</param>
/// <param name="State">The worst state of the three targets: <c>ok</c>, <c>warning</c> (past the warning point) or
/// <c>breached</c> (past a target); <c>atRisk</c> instead of <c>ok</c> while the department predicts a breach.</param>
/// <param name="Paused">True while the case waits for the customer: no clock runs and nothing is due.</param>
/// <param name="ElapsedBusinessTime">Business time since the case opened (to its resolution), pauses excluded.</param>
/// <param name="PausedBusinessTime">Business time the clock stood still (waiting for the customer, resolved before a reopen).</param>
/// <param name="NextUpdateMisses">Updates to the customer that came after their due time.</param>
/// <param name="NextDueAt">The next instant a warning point or target falls due; null when nothing runs.</param>
/// <param name="AtRisk">True while the case's department predicts, from its queue and recent handling times, that the
/// case will miss its next open target (only before the work starts).</param>
/// <param name="Forecast">The prediction behind <paramref name="AtRisk"/>; null when not at risk.</param>
public sealed record CaseSlaResponse(
    string RuleId,
    int PolicyVersion,
    string CalendarRegion,
    int WarningPercent,
    SlaState State,
    bool Paused,
    TimeSpan ElapsedBusinessTime,
    TimeSpan PausedBusinessTime,
    SlaTargetResponse FirstResponse,
    SlaTargetResponse NextUpdate,
    SlaTargetResponse Resolution,
    int NextUpdateMisses,
    DateTimeOffset? NextDueAt,
    bool AtRisk,
    SlaForecastResponse? Forecast)
{
    internal static CaseSlaResponse? From(CaseSla? sla) => sla is null ? null : new(
        sla.RuleId, sla.PolicyVersion, sla.CalendarRegion, sla.WarningPercent, sla.State, sla.Paused, sla.ElapsedBusinessTime,
        sla.PausedBusinessTime, SlaTargetResponse.From(sla.FirstResponse), SlaTargetResponse.From(sla.NextUpdate),
        SlaTargetResponse.From(sla.Resolution), sla.NextUpdateMisses, sla.NextDueAt, sla.AtRisk, SlaForecastResponse.From(sla.Forecast));
}

/// <summary>A predicted breach: when the case's next open target is predicted to be met, and when it is due.</summary>
/// <param name="Target"><c>firstResponse</c> (predicted at the start of work) or <c>resolution</c> (at the end of work).</param>
/// <param name="PredictedAt">The predicted instant.</param>
/// <param name="DueAt">When the target is due.</param>
public sealed record SlaForecastResponse(SlaDueTarget Target, DateTimeOffset PredictedAt, DateTimeOffset DueAt)
{
    internal static SlaForecastResponse? From(SlaForecast? forecast) =>
        forecast is null ? null : new(forecast.Target, forecast.PredictedAt, forecast.DueAt);
}

/// <summary>Where the case stands against one target.</summary>
/// <param name="Target">The target and how its time counts.</param>
/// <param name="StartedAt">When this clock started; null before it starts (the next-update clock starts at the first response).</param>
/// <param name="DueAt">When the target falls due; null while paused or not started.</param>
/// <param name="WarningAt">When the warning point is reached; null while paused or not started.</param>
/// <param name="StoppedAt">When the clock stopped (first response, resolution); null while it runs.</param>
/// <param name="Elapsed">Time counted so far in the target's clock, pauses excluded.</param>
/// <param name="Met">True when stopped in time; false when stopped late or already past the target; null while open.</param>
/// <param name="State"><c>ok</c>, <c>warning</c> or <c>breached</c>.</param>
public sealed record SlaTargetResponse(
    SlaTarget Target,
    DateTimeOffset? StartedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? WarningAt,
    DateTimeOffset? StoppedAt,
    TimeSpan Elapsed,
    bool? Met,
    SlaState State)
{
    internal static SlaTargetResponse From(SlaTargetStatus status) => new(status.Target, status.StartedAt, status.DueAt,
        status.WarningAt, status.StoppedAt, status.Elapsed, status.Met, status.State);
}
