using System.Collections.Immutable;

namespace AfterSales.Routing;

/// <summary>Why a queued case waits, as its department last judged it.</summary>
/// <param name="Kind">The reason.</param>
/// <param name="Detail">The same in words, e.g. <c>nobody on shift has hydraulics ≥ 3</c>.</param>
/// <param name="Since">When the department first gave this kind of reason for the case.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.WaitingReason")]
public sealed record WaitingReason(
    [property: Id(0)] WaitingReasonKind Kind,
    [property: Id(1)] string Detail,
    [property: Id(2)] DateTimeOffset Since)
{
    /// <summary>The required skills nobody (for <see cref="WaitingReasonKind.NobodyQualified"/>: nobody on shift; for
    /// <see cref="WaitingReasonKind.Unroutable"/>: nobody at all) meets.</summary>
    [Id(3)] public ImmutableArray<SkillRequirement> MissingSkills { get; init; } = [];
}
