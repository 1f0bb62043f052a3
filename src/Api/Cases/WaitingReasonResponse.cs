using AfterSales.Routing;

namespace AfterSales.Api.Cases;

/// <summary>Why a queued case waits, as its department last judged it.</summary>
/// <param name="Kind">casesAhead, nobodyOnShift, nobodyQualified, allAtCapacity, waitingForRelaxation, sentToNeighbour
/// or unroutable (nobody of the department-region nor its overflow neighbours has the required skills: a supervisor
/// must act).</param>
/// <param name="Detail">The same in words.</param>
/// <param name="Since">When the department first gave this kind of reason.</param>
/// <param name="MissingSkills">The required skills nobody meets (nobodyQualified, unroutable), as <c>name≥level</c>.</param>
public sealed record WaitingReasonResponse(WaitingReasonKind Kind, string Detail, DateTimeOffset Since, IReadOnlyList<string> MissingSkills)
{
    internal static WaitingReasonResponse? From(WaitingReason? reason) => reason is null
        ? null
        : new(reason.Kind, reason.Detail, reason.Since, [.. reason.MissingSkills.IsDefault ? [] : reason.MissingSkills.Select(s => s.ToString())]);
}
