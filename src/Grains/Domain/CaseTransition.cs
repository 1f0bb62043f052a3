using System.Collections.Immutable;
using AfterSales.Cases;

namespace AfterSales.Domain;

/// <summary>The outcome of asking the state machine to apply an action: the new status, or why not.</summary>
/// <param name="To">The status after the action; equals <paramref name="From"/> when refused.</param>
/// <param name="Error">Null when allowed; otherwise a message naming the state and the allowed actions.</param>
/// <param name="ErrorField">The request field at fault when the action is legal but its input is not.</param>
/// <param name="Allowed">The actions the case accepts in <paramref name="From"/>.</param>
internal sealed record CaseTransition(
    CaseStatus From,
    CaseAction Action,
    CaseStatus To,
    string? Error,
    string? ErrorField,
    ImmutableArray<CaseAction> Allowed)
{
    public bool IsAllowed => Error is null;

    /// <summary>True when the action is legal in this state but its input is invalid (a validation error, not a conflict).</summary>
    public bool IsInvalidInput => ErrorField is not null;
}
