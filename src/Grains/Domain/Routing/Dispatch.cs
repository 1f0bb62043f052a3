using System.Globalization;
using AfterSales.Routing;
using AfterSales.Technicians;

namespace AfterSales.Domain.Routing;

/// <summary>
/// The next step for a case a department routes, shared by the department's two paths: deciding for a case that
/// claims the technician itself (<c>DecideAsync</c>) and placing a waiting case by offering it (drain, overflow).
/// Too many refusals in a row queue the case; an earlier offer goes to the same technician again (it may hold the
/// case, and accepts idempotently); otherwise the router ranks the view. Pure.
/// </summary>
internal static class Dispatch
{
    /// <summary>How many technicians may refuse one case in a row before it is queued instead.</summary>
    public const int MaxRefusals = 5;

    /// <param name="earlier">The technician the case was offered to before and that is still on the roster, if any.</param>
    /// <param name="retryNote">The candidate note of a retried offer.</param>
    public static DispatchStep Next(
        RoutingRequest request, IReadOnlyList<TechnicianStatus> view, string? roundRobinCursor,
        IReadOnlyDictionary<string, string>? refused, string? earlier, string retryNote)
    {
        if (refused is not null && refused.Count >= MaxRefusals)
        {
            var summary = string.Create(CultureInfo.InvariantCulture, $"{refused.Count} technicians refused it in a row");
            var decision = Router.Decide(request, view, roundRobinCursor, refused).Decision
                with { DecidedBy = DecisionKinds.Queued, ChosenTechnicianId = null, Summary = summary };
            return new DispatchStep(null, decision, false, false);
        }
        if (earlier is not null && refused?.ContainsKey(earlier) != true)
        {
            return new DispatchStep(earlier, Router.Forced(request, earlier, DecisionKinds.Retry, retryNote), false, false);
        }
        var result = Router.Decide(request, view, roundRobinCursor, refused);
        if (result.Chosen is { } chosen)
        {
            var turns = request.Strategy == RoutingStrategy.RoundRobin && result.Decision.DecidedBy != DecisionKinds.Affinity;
            return new DispatchStep(chosen.TechnicianId, result.Decision, turns, false);
        }
        // Nobody eligible on the view alone (no refusals involved): later cases at least as hard are blocked too.
        return new DispatchStep(null, result.Decision, false, refused is null || refused.Count == 0);
    }
}

/// <summary>What <see cref="Dispatch.Next"/> decided.</summary>
/// <param name="TechnicianId">The technician to offer the case to; null: queue it.</param>
/// <param name="AdvancesCursor">True when round-robin's cursor moves to <paramref name="TechnicianId"/> once it accepts.</param>
/// <param name="NoneEligible">Nobody was eligible on the view alone.</param>
internal sealed record DispatchStep(string? TechnicianId, RoutingDecision Decision, bool AdvancesCursor, bool NoneEligible);
