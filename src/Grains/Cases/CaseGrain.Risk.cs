using System.Globalization;
using AfterSales.Domain.Routing;
using AfterSales.Domain.Sla;
using AfterSales.Sla;

namespace AfterSales.Cases;

/// <summary>Predicted breach: the case hands its department its next open SLA target with its ticket, and keeps the
/// department's at-risk verdict in its SLA (shown as <c>atRisk</c> while the clock is otherwise <c>ok</c>).</summary>
internal sealed partial class CaseGrain
{
    public async Task OnSlaRiskAsync(CaseSlaRisk risk)
    {
        if (!S.Opened || S.Sla is not { } sla || !IsOwnDepartment(risk.From))
        {
            return;
        }
        var now = time.GetUtcNow();
        if (risk.Forecast is { } forecast)
        {
            // Only a case nobody has started can be at risk of a late start; a late notice after the start is dropped.
            if (!NotStarted)
            {
                return;
            }
            if (sla.AtRisk is null)
            {
                Record(now, SystemActor, CaseEventKinds.SlaAtRisk, null, null, Describe(forecast));
            }
            sla.AtRisk = forecast;
            if (risk.MoveTo is { } target)
            {
                await MoveForRiskAsync(sla, risk, target, forecast, now);
            }
            else if (risk.Reroute is { } reroute)
            {
                sla.ReroutedAt = now;
                S.OptionalRelaxed |= risk.Relaxed;
                Record(now, SystemActor, CaseEventKinds.Rerouted, null, null, $"predictedBreach: {reroute}");
            }
        }
        else if (sla.AtRisk is { } previous)
        {
            sla.AtRisk = null;
            Record(now, SystemActor, CaseEventKinds.SlaRiskCleared, null, null, $"{TargetName(previous.Target)} no longer predicted late");
        }
        else
        {
            return;
        }
        await CommitAsync(now);
    }

    /// <summary>Moves an assigned case nobody started to the technician its department found with room, unless it moved
    /// for a predicted breach within the cool-down or is no longer with the technician the department saw: the new
    /// technician is claimed first (it may refuse), and only then the old one released, so the case is never held by
    /// nobody.</summary>
    private async Task MoveForRiskAsync(CaseSlaState sla, CaseSlaRisk risk, string target, SlaForecast forecast, DateTimeOffset now)
    {
        if (S.Status != CaseStatus.Assigned || S.AssignedTechnicianId != risk.MoveFrom
            || sla.ReroutedAt is { } last && now - last < BreachPrediction.RerouteCooldown)
        {
            return;
        }
        var policy = await policies.GetAsync();
        var offer = new Technicians.AssignmentOffer(Number, S.Type, S.Priority, RoutingPolicies.WeightOf(policy, S.Type), S.CustomerId)
        {
            Required = Requirements(policy).Required,
            SlaDue = await NextSlaDueAsync(),
            AtRisk = forecast,
        };
        var reply = await Technician(target).TryAssignAsync(offer);
        if (!reply.Accepted)
        {
            return;
        }
        await ReleaseTechnicianAsync();
        S.AssignedTechnicianId = target;
        sla.ReroutedAt = now;
        Record(now, SystemActor, CaseEventKinds.Rerouted, CaseStatus.Assigned, CaseStatus.Assigned, $"predictedBreach: {risk.Reroute}");
    }

    /// <summary>Neither started nor finished: the only time a department predicts the case.</summary>
    private bool NotStarted => S.Status is CaseStatus.New or CaseStatus.Assigned;

    /// <summary>The case's next open SLA target: the first response until it is made, then the resolution; null without
    /// an SLA, while paused or stopped. A case being opened has its due times computed here first (they are written
    /// with the case).</summary>
    private async Task<SlaDue?> NextSlaDueAsync()
    {
        if (S.Sla is not { } sla)
        {
            return null;
        }
        if (sla.PolicyVersion < 0)
        {
            await UpdateSlaAsync(time.GetUtcNow());
        }
        if (sla.PausedSince is not null || sla.StoppedAt is not null)
        {
            return null;
        }
        return S.FirstResponseAt is null
            ? sla.FirstResponseDue is { } first ? new SlaDue(SlaDueTarget.FirstResponse, first) : null
            : sla.ResolutionDue is { } resolution ? new SlaDue(SlaDueTarget.Resolution, resolution) : null;
    }

    /// <summary>The SLA view with the department's verdict: <c>atRisk</c> replaces <c>ok</c> while the case is not
    /// started; warning and breach stay what they are.</summary>
    private CaseSla WithRisk(CaseSla view)
    {
        if (S.Sla?.AtRisk is not { } forecast || !NotStarted)
        {
            return view;
        }
        return view with { AtRisk = true, Forecast = forecast, State = view.State == SlaState.Ok ? SlaState.AtRisk : view.State };
    }

    /// <summary>True when <paramref name="key"/> is a shard of the case's own department-region (an assigned case's
    /// technician may be homed in another shard than the case).</summary>
    private bool IsOwnDepartment(string key) =>
        ShardKeys.TryParse(key, out var department, out var region, out _) && department == S.Department
        && string.Equals(region, S.Region, StringComparison.Ordinal);

    private static string Describe(SlaForecast forecast) => string.Create(CultureInfo.InvariantCulture,
        $"{TargetName(forecast.Target)} predicted at {forecast.PredictedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z, due {forecast.DueAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z");

    private static string TargetName(SlaDueTarget target) => target == SlaDueTarget.FirstResponse ? "first response" : "resolution";
}
