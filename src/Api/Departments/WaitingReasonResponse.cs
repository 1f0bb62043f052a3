using AfterSales.Api.Routing;
using AfterSales.Routing;

namespace AfterSales.Api.Departments;

/// <summary>Why a case waits.</summary>
/// <param name="Kind"><c>casesAhead</c>, <c>nobodyOnShift</c>, <c>nobodyQualified</c>, <c>allAtCapacity</c>,
/// <c>waitingForRelaxation</c>, <c>sentToNeighbour</c> or <c>unroutable</c>.</param>
/// <param name="Detail">The same in words, e.g. <c>nobody on shift has hydraulics≥3 (best on shift: 2)</c>.</param>
/// <param name="Since">When the department first gave this kind of reason.</param>
/// <param name="MissingSkills">For <c>nobodyQualified</c> and <c>unroutable</c>: the required skills nobody meets.</param>
public sealed record WaitingReasonResponse(
    WaitingReasonKind Kind,
    string Detail,
    DateTimeOffset Since,
    IReadOnlyList<SkillLevelRequirement> MissingSkills)
{
    internal static WaitingReasonResponse From(WaitingReason waiting) => new(
        waiting.Kind, waiting.Detail, waiting.Since,
        SkillLevelRequirement.From(waiting.MissingSkills));
}
