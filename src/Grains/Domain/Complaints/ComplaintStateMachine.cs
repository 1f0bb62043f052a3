using System.Collections.Immutable;
using AfterSales.Complaints;

namespace AfterSales.Domain.Complaints;

/// <summary>
/// The lifecycle of a complaint: received → acknowledged → investigating → awaitingReview → resolved → closed. The review
/// is mandatory (only an approval resolves) and takes a second person (the reviewer is not who submitted the findings); it
/// may send the complaint back to investigating with a reason. A resolved complaint is closed by the customer's
/// confirmation (or the platform's timeout, <see cref="CanTimeOut"/>) or reopened by the customer's rejection. One
/// transition table drives both the check and the allowed actions, so the two can never disagree.
/// </summary>
internal static class ComplaintStateMachine
{
    private static readonly ImmutableArray<ComplaintAction>[] AllowedByStatus = BuildAllowed();

    /// <summary>The actions a complaint in <paramref name="status"/> accepts, in declaration order.</summary>
    public static ImmutableArray<ComplaintAction> AllowedActions(ComplaintStatus status) =>
        (int)status >= 0 && (int)status < AllowedByStatus.Length ? AllowedByStatus[(int)status] : [];

    /// <summary>True while the severity may still rise: before the resolution.</summary>
    public static bool CanEscalate(ComplaintStatus status) =>
        status is ComplaintStatus.Received or ComplaintStatus.Acknowledged or ComplaintStatus.Investigating or ComplaintStatus.AwaitingReview;

    /// <summary>True when the timeout after the resolution may close the complaint.</summary>
    public static bool CanTimeOut(ComplaintStatus status) => status == ComplaintStatus.Resolved;

    /// <summary>Checks <paramref name="action"/> against <paramref name="from"/> and its input.</summary>
    /// <param name="submittedBy">Who submitted the findings under review (an approval or send-back must come from someone else).</param>
    public static ComplaintTransition Apply(ComplaintStatus from, ComplaintAction action, ComplaintInput input, string? submittedBy = null)
    {
        var allowed = AllowedActions(from);
        if (Target(from, action) is not { } to)
        {
            return ComplaintTransition.Refused(from, action, ComplaintRefusal.Conflict, RefusalMessage(from, action, allowed), null, allowed);
        }
        if (InputError(action, input) is { } invalid)
        {
            return ComplaintTransition.Refused(from, action, ComplaintRefusal.Invalid, invalid.Message, invalid.Field, allowed);
        }
        if (action is ComplaintAction.Approve or ComplaintAction.SendBack
            && string.Equals(input.Actor, submittedBy, StringComparison.OrdinalIgnoreCase))
        {
            return ComplaintTransition.Refused(from, action, ComplaintRefusal.Unprocessable,
                $"{input.Actor} submitted these findings and cannot review them: the review takes someone else.", ActorField, allowed);
        }
        return new ComplaintTransition(from, action, to, null, null, null, allowed);
    }

    /// <summary>The field a refusal about who acts names: the request header that says who acts.</summary>
    public const string ActorField = "X-Actor";

    /// <summary>"Cannot approve a complaint that is investigating; allowed actions: submitForReview."</summary>
    public static string RefusalMessage(ComplaintStatus from, ComplaintAction action, ImmutableArray<ComplaintAction> allowed)
    {
        var tail = allowed.IsDefaultOrEmpty
            ? "no further actions are allowed."
            : $"allowed actions: {string.Join(", ", allowed.Select(CamelNames.Of))}.";
        return $"Cannot {CamelNames.Of(action)} a complaint that is {CamelNames.Of(from)}; {tail}";
    }

    private static FieldError? InputError(ComplaintAction action, ComplaintInput input) => action switch
    {
        ComplaintAction.SubmitForReview when input.RootCause is not { } cause || !Enum.IsDefined(cause) =>
            new FieldError("rootCause", $"Findings need a root cause: {CamelNames.OneOf<RootCauseCategory>()}."),
        ComplaintAction.SubmitForReview when string.IsNullOrWhiteSpace(input.CorrectiveAction) =>
            new FieldError("correctiveAction", "Findings need the corrective action taken or planned."),
        ComplaintAction.SendBack when string.IsNullOrWhiteSpace(input.Reason) =>
            new FieldError("reason", "Sending findings back needs a reason the investigator can act on."),
        ComplaintAction.Reject when string.IsNullOrWhiteSpace(input.Reason) =>
            new FieldError("reason", "The customer's rejection needs a reason."),
        _ => null,
    };

    private static ComplaintStatus? Target(ComplaintStatus from, ComplaintAction action) => (from, action) switch
    {
        (ComplaintStatus.Received, ComplaintAction.Acknowledge) => ComplaintStatus.Acknowledged,
        (ComplaintStatus.Acknowledged, ComplaintAction.Investigate) => ComplaintStatus.Investigating,
        (ComplaintStatus.Investigating, ComplaintAction.SubmitForReview) => ComplaintStatus.AwaitingReview,
        (ComplaintStatus.AwaitingReview, ComplaintAction.Approve) => ComplaintStatus.Resolved,
        (ComplaintStatus.AwaitingReview, ComplaintAction.SendBack) => ComplaintStatus.Investigating,
        (ComplaintStatus.Resolved, ComplaintAction.Confirm) => ComplaintStatus.Closed,
        (ComplaintStatus.Resolved, ComplaintAction.Reject) => ComplaintStatus.Investigating,
        _ => null,
    };

    private static ImmutableArray<ComplaintAction>[] BuildAllowed()
    {
        var statuses = Enum.GetValues<ComplaintStatus>();
        var table = new ImmutableArray<ComplaintAction>[statuses.Max(s => (int)s) + 1];
        foreach (var status in statuses)
        {
            table[(int)status] = [.. Enum.GetValues<ComplaintAction>().Where(a => Target(status, a) is not null)];
        }
        return table;
    }
}

/// <summary>What an action brings besides its name.</summary>
internal sealed record ComplaintInput(string Actor, string? Reason = null, RootCauseCategory? RootCause = null, string? CorrectiveAction = null);

/// <summary>Why the state machine refused an action.</summary>
internal enum ComplaintRefusal
{
    /// <summary>Not allowed in the current status (409 with the allowed actions).</summary>
    Conflict,
    /// <summary>Allowed, but its input is missing or malformed (400).</summary>
    Invalid,
    /// <summary>Allowed and well formed, but against a rule of the complaint: the reviewer is the submitter (422).</summary>
    Unprocessable,
}

/// <summary>The outcome of asking the state machine to apply an action: the new status, or why not.</summary>
/// <param name="To">The status after the action; equals <paramref name="From"/> when refused.</param>
/// <param name="Refusal">Null when allowed.</param>
/// <param name="ErrorField">The request field at fault, for <see cref="ComplaintRefusal.Invalid"/> and <see cref="ComplaintRefusal.Unprocessable"/>.</param>
internal sealed record ComplaintTransition(
    ComplaintStatus From,
    ComplaintAction Action,
    ComplaintStatus To,
    ComplaintRefusal? Refusal,
    string? Error,
    string? ErrorField,
    ImmutableArray<ComplaintAction> Allowed)
{
    public bool IsAllowed => Refusal is null;

    public static ComplaintTransition Refused(ComplaintStatus from, ComplaintAction action, ComplaintRefusal refusal, string error,
        string? field, ImmutableArray<ComplaintAction> allowed) =>
        new(from, action, from, refusal, error, field, allowed);
}
