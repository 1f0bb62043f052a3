using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Domain;
using AfterSales.Domain.Complaints;

namespace AfterSales.Complaints;

/// <summary>
/// The complaint's one reminder. It is registered (due in a minute) before every write, so a notice to the lists that a
/// crash or a failure cut off is sent again; once the lists have the change it is moved to the complaint's next deadline
/// — the acknowledgement target while received, the closing timeout while resolved — or removed when there is none.
/// A tick acts from what is stored: the passing of the target is recorded once, the timeout closes a complaint that is
/// still resolved and past it, and a repeated or late tick finds nothing left to do.
/// </summary>
internal sealed partial class ComplaintGrain
{
    internal const string ClockReminder = "complaint-clock";

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ClockReminder)
        {
            return;
        }
        if (!S.Filed)
        {
            // The write this reminder guarded failed: there is nothing to follow.
            await this.DropAsync(ClockReminder);
            return;
        }
        try
        {
            await OnClockAsync();
        }
        catch (Exception exception)
        {
            logger.ClockFailed(exception, Id);
        }
    }

    private async Task OnClockAsync()
    {
        var now = time.GetUtcNow();
        if (S.Status == ComplaintStatus.Received && !S.AcknowledgementOverdueRecorded && now > S.AcknowledgementDueAt)
        {
            S.AcknowledgementOverdueRecorded = true;
            Record(now, SystemActor, ComplaintEventKinds.AcknowledgementOverdue, null, null,
                $"not acknowledged by {S.AcknowledgementDueAt:O} ({CamelNames.Of(S.Severity)} severity)");
            logger.AcknowledgementOverdue(Id, S.AcknowledgementDueAt);
            await CommitAsync(now);
            return;
        }
        if (ComplaintStateMachine.CanTimeOut(S.Status) && S.AutoCloseAt is { } deadline && now >= deadline)
        {
            S.Status = ComplaintStatus.Closed;
            S.ClosedAt = now;
            S.Closure = ComplaintClosure.Timeout;
            S.AutoCloseAt = null;
            Record(now, SystemActor, ComplaintEventKinds.AutoClosed, ComplaintStatus.Resolved, ComplaintStatus.Closed,
                $"the customer did not confirm or reject the resolution by {deadline:O}");
            logger.AutoClosed(Id, deadline);
            await CommitAsync(now);
            return;
        }
        // Nothing due: the tick guarded notices (sent again, harmlessly, after a fresh activation) or came early.
        if (await NotifyListsAsync())
        {
            await ScheduleClockAsync();
        }
    }

    /// <summary>The next instant the clock must act at, or null when nothing is pending.</summary>
    private DateTimeOffset? NextDeadline() => S.Status switch
    {
        ComplaintStatus.Received when !S.AcknowledgementOverdueRecorded => S.AcknowledgementDueAt,
        ComplaintStatus.Resolved => S.AutoCloseAt,
        _ => null,
    };

    private Task KeepFollowUpAsync() => this.KeepAsync(ClockReminder);

    private async Task ScheduleClockAsync()
    {
        if (NextDeadline() is not { } deadline)
        {
            await this.DropAsync(ClockReminder);
            return;
        }
        // A tick just after the deadline (never before it: a tick at the deadline itself would find nothing due).
        var due = deadline - time.GetUtcNow() + TimeSpan.FromSeconds(1);
        await this.RegisterOrUpdateReminder(ClockReminder, due > TimeSpan.Zero ? due : TimeSpan.Zero, FollowUpReminders.Period);
    }

    /// <summary>Tells the lists of the customer, the case and the technician the complaint's current state; false (logged)
    /// when one of them could not be told, so the reminder keeps retrying.</summary>
    private async Task<bool> NotifyListsAsync()
    {
        var entry = ToEntry();
        var subjects = new List<string> { GrainKeys.ComplaintIndex(ComplaintSubject.Customer, S.CustomerId) };
        if (S.CaseNumber is { } number)
        {
            subjects.Add(GrainKeys.ComplaintIndex(ComplaintSubject.Case, number));
        }
        if (S.TechnicianId is { } technicianId)
        {
            subjects.Add(GrainKeys.ComplaintIndex(ComplaintSubject.Technician, technicianId));
        }
        try
        {
            var told = subjects.Select(key => GrainFactory.GetGrain<IComplaintIndexGrain>(key).RecordAsync(entry)).ToList();
            if (S.CaseNumber is { } caseNumber)
            {
                // The case records the complaint once (its KPIs count it); a repeat is harmless.
                told.Add(GrainFactory.GetGrain<ICaseGrain>(caseNumber).OnComplaintFiledAsync(Id));
            }
            await Task.WhenAll(told);
            return true;
        }
        catch (Exception exception)
        {
            logger.NoticeFailed(exception, Id);
            return false;
        }
    }
}
