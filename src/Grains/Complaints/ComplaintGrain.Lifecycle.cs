using System.Globalization;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Domain;
using AfterSales.Domain.Complaints;

namespace AfterSales.Complaints;

/// <summary>The lifecycle actions, escalation and notes.</summary>
internal sealed partial class ComplaintGrain
{
    public async Task<Result<ComplaintSnapshot>> ApplyAsync(ComplaintCommand command)
    {
        if (Precheck(command.ExpectedVersion) is { } refused)
        {
            return refused;
        }
        if (!Enum.IsDefined(command.Action))
        {
            return CommandError.Invalid("action", $"Action must be {CamelNames.OneOf<ComplaintAction>()}.");
        }
        if (command.CorrectiveAction is { Length: > ComplaintLimits.CorrectiveAction })
        {
            return CommandError.Invalid("correctiveAction", $"A corrective action has at most {ComplaintLimits.CorrectiveAction} characters.");
        }
        var actor = ActorOf(command.Actor);
        var input = new ComplaintInput(actor, command.Reason, command.RootCause, command.CorrectiveAction);
        var transition = ComplaintStateMachine.Apply(S.Status, command.Action, input, S.SubmittedBy);
        switch (transition.Refusal)
        {
            case ComplaintRefusal.Conflict:
                return CommandError.Conflict(transition.Error!, [.. transition.Allowed.Select(CamelNames.Of)]);
            case ComplaintRefusal.Invalid:
                return CommandError.Invalid(transition.ErrorField!, transition.Error!);
            case ComplaintRefusal.Unprocessable:
                return CommandError.Unprocessable(transition.ErrorField!, transition.Error!);
        }

        var now = time.GetUtcNow();
        var details = Effect(command, actor, now);
        var from = S.Status;
        S.Status = transition.To;
        Record(now, actor, CamelNames.Of(command.Action), from, transition.To, details);
        await CommitAsync(now);
        return Result.Ok(ToSnapshot());
    }

    /// <summary>What an allowed action changes besides the status; returns the details its event records.</summary>
    private string? Effect(ComplaintCommand command, string actor, DateTimeOffset now)
    {
        var reason = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim();
        switch (command.Action)
        {
            case ComplaintAction.Acknowledge:
                S.AcknowledgedAt = now;
                var met = now <= S.AcknowledgementDueAt ? "met" : "missed";
                return Join($"acknowledgement target {met} (due {S.AcknowledgementDueAt:O})", reason);
            case ComplaintAction.SubmitForReview:
                S.RootCause = command.RootCause;
                S.CorrectiveAction = command.CorrectiveAction!.Trim();
                S.SubmittedBy = actor;
                S.SubmittedAt = now;
                S.ReviewedBy = null;
                S.ReviewedAt = null;
                return Join($"root cause {CamelNames.Of(command.RootCause!.Value)}; corrective action: {S.CorrectiveAction}", reason);
            case ComplaintAction.Approve:
                S.ReviewedBy = actor;
                S.ReviewedAt = now;
                S.ResolvedAt = now;
                S.AutoCloseAt = now + options.Value.AutoCloseAfter;
                return Join($"findings of {S.SubmittedBy} approved; closes by itself at {S.AutoCloseAt:O} unless the customer answers", reason);
            case ComplaintAction.SendBack:
                S.SendBackCount++;
                return reason;
            case ComplaintAction.Confirm:
                S.ClosedAt = now;
                S.Closure = ComplaintClosure.Confirmed;
                S.AutoCloseAt = null;
                return reason;
            case ComplaintAction.Reject:
                S.ReopenCount++;
                S.AutoCloseAt = null;
                return reason;
            default:
                return reason;
        }
    }

    public async Task<Result<ComplaintSnapshot>> EscalateAsync(EscalateComplaintRequest request)
    {
        if (Precheck(request.ExpectedVersion) is { } refused)
        {
            return refused;
        }
        if (!Enum.IsDefined(request.Severity))
        {
            return CommandError.Invalid("severity", $"Severity must be {CamelNames.OneOf<ComplaintSeverity>()}.");
        }
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > FieldLimits.Reason)
        {
            return CommandError.Invalid("reason", $"An escalation needs a reason of 1 to {FieldLimits.Reason} characters.");
        }
        if (!ComplaintStateMachine.CanEscalate(S.Status))
        {
            var allowed = ComplaintStateMachine.AllowedActions(S.Status);
            return CommandError.Conflict($"Cannot escalate a complaint that is {CamelNames.Of(S.Status)}: its severity is settled once it is resolved.",
                [.. allowed.Select(CamelNames.Of)]);
        }
        if (request.Severity <= S.Severity)
        {
            return CommandError.Unprocessable("severity",
                $"A complaint escalates to a higher severity only; it is {CamelNames.Of(S.Severity)} already.");
        }

        var now = time.GetUtcNow();
        var actor = ActorOf(request.Actor);
        var details = $"{CamelNames.Of(S.Severity)} → {CamelNames.Of(request.Severity)}: {request.Reason.Trim()}";
        S.Severity = request.Severity;
        if (S.Status == ComplaintStatus.Received)
        {
            var due = Targets.DueAfterEscalation(S.ReceivedAt, S.AcknowledgementDueAt, request.Severity);
            if (due != S.AcknowledgementDueAt)
            {
                S.AcknowledgementDueAt = due;
                details += $"; acknowledge by {due:O}";
            }
        }
        Record(now, actor, ComplaintEventKinds.Escalated, null, null, details);
        await CommitAsync(now);
        return Result.Ok(ToSnapshot());
    }

    public async Task<Result<ComplaintSnapshot>> AddNoteAsync(AddNoteCommand command)
    {
        if (Precheck(command.ExpectedVersion) is { } refused)
        {
            return refused;
        }
        if (string.IsNullOrWhiteSpace(command.Text) || command.Text.Length > FieldLimits.NoteText)
        {
            return CommandError.Invalid("text", $"A note needs 1 to {FieldLimits.NoteText} characters of text.");
        }
        if (!Enum.IsDefined(command.Visibility))
        {
            return CommandError.Invalid("visibility", "Visibility must be internal or customer.");
        }
        if (S.Notes.Count >= ComplaintLimits.Notes)
        {
            return CommandError.Conflict($"Complaint {Id} already holds {ComplaintLimits.Notes} notes, the most a complaint keeps.");
        }

        var now = time.GetUtcNow();
        var actor = ActorOf(command.Actor);
        var note = new CaseNote(++S.LastNoteId, command.Text, command.Visibility, actor, now);
        S.Notes.Set(note.Id.ToString("D6", CultureInfo.InvariantCulture), note);
        Record(now, actor, ComplaintEventKinds.Note, null, null, $"{CamelNames.Of(note.Visibility)} note {note.Id}");
        await CommitAsync(now);
        return Result.Ok(ToSnapshot());
    }

    private static string? Join(string what, string? reason) => reason is null ? what : $"{what}; {reason}";
}
