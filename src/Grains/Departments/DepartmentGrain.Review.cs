using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Domain.Routing;
using AfterSales.Routing;
using Microsoft.Extensions.Logging;

namespace AfterSales.Departments;

/// <summary>The queue review (relaxation, overflow, drain), why each case waits, and the timer and reminder that keep
/// reviews and reconciliations running.</summary>
internal sealed partial class DepartmentGrain
{
    internal const string ReviewReminder = "queue-review";

    /// <summary>How often the in-memory timer reviews a non-empty queue (the reminder is the durable backstop).</summary>
    internal static readonly TimeSpan ReviewInterval = TimeSpan.FromSeconds(15);

    /// <summary>Every how many review ticks the roster and the queue are reconciled (every 30 s).</summary>
    internal const int ReconcileEveryTicks = 2;

    /// <summary>How many cases one pass tells a new kind of waiting reason at most (the rest at the next pass).</summary>
    internal const int MaxWaitingNoticesPerPass = 200;

    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    // Why the queued cases homed here wait, judged per group of cases with the same needs (shown in the view); the
    // entry's own Waiting is what the case was told.
    private readonly WaitingGroups _waiting = new();
    private bool _reasonsStale;
    private QueuedCase? _tellCursor;

    private IGrainTimer? _maintenanceTimer;
    private bool _reminderRegistered;
    private long _ticks;

    public Task<QueueReview> ReviewQueueAsync() => ReviewAsync();

    private async Task<QueueReview> ReviewAsync()
    {
        await ReturnPendingAsync();
        await HandOverForeignAsync();
        var policy = await policies.GetAsync();
        var now = time.GetUtcNow();
        var started = time.GetTimestamp();
        var relaxed = await RelaxAsync(policy, now);
        var relaxedAt = time.GetTimestamp();
        var overflowed = await OverflowAsync(policy, now);
        var overflowedAt = time.GetTimestamp();
        var assigned = await DrainQueueAsync(MaxHandOversPerTurn, CancellationToken.None);
        var drainedAt = time.GetTimestamp();
        await JudgeWaitingAsync(policy, fetchElsewhere: true);
        await CheckRiskAsync();
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.ReviewTurn(Key, Ms(started), Ms(started, relaxedAt), Ms(relaxedAt, overflowedAt), Ms(overflowedAt, drainedAt), Ms(drainedAt), _queue.Count);
        }
        await StopMaintenanceIfIdleAsync();
        return new QueueReview([.. relaxed], [.. overflowed], [.. assigned], _queue.Count);
    }

    /// <summary>Drops the optional skills of cases queued longer than the policy's delay and tells each case
    /// (one-way) so its history records it.</summary>
    private async Task<List<string>> RelaxAsync(RoutingPolicy policy, DateTimeOffset now)
    {
        var relaxed = new List<(string Number, string Dropped, TimeSpan Waited)>();
        foreach (var entry in _queue.Relaxable(now - policy.RelaxationDelay))
        {
            var queued = entry.Case;
            if (IsCaseHomedHere(queued.CaseNumber))
            {
                relaxed.Add((queued.CaseNumber, string.Join(", ", queued.Optional), now - queued.EnqueuedAt));
                Update(entry with { Case = queued with { RelaxedAt = now, Optional = [] } });
            }
        }
        if (relaxed.Count == 0)
        {
            return [];
        }
        _reasonsStale = true;
        await state.WriteOrResetAsync(this);
        logger.QueueRelaxed(Key, relaxed.Count, policy.RelaxationDelay);
        foreach (var (number, dropped, waited) in relaxed)
        {
            await Case(number).OnRelaxedAsync(new QueueRelaxation(Key, dropped, waited));
        }
        return [.. relaxed.Select(r => r.Number)];
    }

    /// <summary>Judges why the cases homed here wait — once per group of cases with the same needs — and tells the cases
    /// whose kind of reason changed (one-way, at most <see cref="MaxWaitingNoticesPerPass"/>, in queue order from where
    /// the last pass stopped; the entry records what its case was told). The queue is read only while some case has a
    /// kind to be told.</summary>
    private async Task JudgeWaitingAsync(RoutingPolicy policy, bool fetchElsewhere)
    {
        _reasonsStale = false;
        if (_queue.Count == 0)
        {
            return;
        }
        if (fetchElsewhere)
        {
            await RefreshElsewhereAsync(policy);
        }
        if (_waiting.Judge(new WaitingReasons(ContextFor(policy)), time.GetUtcNow()) == 0)
        {
            return;
        }
        var notices = FindUntold(Math.Min(_waiting.Untold, MaxWaitingNoticesPerPass));
        if (notices.Count == 0)
        {
            return;
        }
        foreach (var (entry, reason) in notices)
        {
            Update(entry with { Case = entry.Case with { Waiting = reason } });
        }
        await state.WriteOrResetAsync(this);
        foreach (var (entry, reason) in notices)
        {
            await Case(entry.Case.CaseNumber).OnWaitingAsync(new CaseWaiting(Key, reason));
        }
    }

    /// <summary>Up to <paramref name="wanted"/> cases homed here that were told another kind of reason than their group's,
    /// with their reason: in queue order from where the last pass stopped, wrapping to the front, so a pass reads about as
    /// many cases as it finds rather than the whole queue.</summary>
    private List<(QueueEntry Entry, WaitingReason Reason)> FindUntold(int wanted)
    {
        var found = new List<(QueueEntry, WaitingReason)>(wanted);
        var start = _tellCursor is { } cursor ? _queue.IndexAfter(cursor) : 0;
        var index = start;
        foreach (var entry in _queue.Ordered(start).Concat(_queue.Ordered().Take(start)))
        {
            if (found.Count == wanted)
            {
                break;
            }
            // The position is the case's place in the whole queue: the reason says how many cases come before it.
            var ahead = index++ % _queue.Count;
            _tellCursor = entry.Case;
            if (IsCaseHomedHere(entry.Case.CaseNumber) && _waiting.IsUntold(entry.Case) && _waiting.Explain(entry.Case, ahead) is { } reason)
            {
                found.Add((entry, reason));
            }
        }
        return found;
    }

    /// <summary>Why a case joining the queue waits. An unroutable case joins with its local reason and is told
    /// "unroutable" in the drain's turn right after, so that its history records the change.</summary>
    private WaitingReason ReasonToJoin(RoutingPolicy policy, QueuedCase queued)
    {
        var context = ContextFor(policy);
        var reason = new WaitingReasons(context).Explain(queued, _queue.Count, null);
        if (reason.Kind != WaitingReasonKind.Unroutable)
        {
            return reason;
        }
        _reasonsStale = true;
        ScheduleDrain(TimeSpan.Zero);
        return new WaitingReasons(context with { Elsewhere = null }).Explain(queued, _queue.Count, null);
    }

    private WaitingContext ContextFor(RoutingPolicy policy)
    {
        var now = time.GetUtcNow();
        var pastThreshold = _queue.Count >= policy.Overflow.QueueLength
            || (_queue.Oldest is { } oldest && now - oldest.EnqueuedAt >= policy.Overflow.OldestWait);
        // A copy of the view: the reasons shown later explain the roster as it was judged.
        return new WaitingContext([.. _roster.Ranked()], ElsewhereProfiles(policy), pastThreshold,
            RoutingPolicies.NeighboursOf(policy, _region), policy.RelaxationDelay, now);
    }

    /// <summary>A queued case as the view shows it, <paramref name="casesAhead"/> cases behind the front: with the reason
    /// of its group as last judged, or what it was told when its group was not judged yet.</summary>
    private QueuedCase Shown(QueuedCase queued, int casesAhead) =>
        _waiting.Explain(queued, casesAhead) is { } reason ? queued with { Waiting = reason } : queued;

    /// <summary>Keeps the review timer and the reminder while the department has a roster, a queue or returns to
    /// process: the timer reviews and reconciles while active, the reminder wakes a deactivated department.</summary>
    private async Task KeepMaintainedAsync()
    {
        _maintenanceTimer ??= this.RegisterGrainTimer(MaintenanceTickAsync, new GrainTimerCreationOptions(ReviewInterval, ReviewInterval));
        if (_reminderRegistered)
        {
            return;
        }
        try
        {
            await this.RegisterOrUpdateReminder(ReviewReminder, ReminderPeriod, ReminderPeriod);
            _reminderRegistered = true;
        }
        catch (Exception exception)
        {
            logger.ReminderFailed(exception, Key);
        }
    }

    private async Task StopMaintenanceIfIdleAsync()
    {
        if (_queue.Count > 0 || S.PendingReturns.Count > 0 || _roster.Count > 0)
        {
            return;
        }
        _maintenanceTimer?.Dispose();
        _maintenanceTimer = null;
        if (await this.GetReminder(ReviewReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
        _reminderRegistered = false;
    }

    /// <summary>Milliseconds from <paramref name="from"/> to <paramref name="to"/> (or now), for the Debug timing of turns.</summary>
    private double Ms(long from, long? to = null) => (to is { } end ? time.GetElapsedTime(from, end) : time.GetElapsedTime(from)).TotalMilliseconds;

    /// <summary>Runs the next review at once (the queue passed its overflow length).</summary>
    private void ReviewSoon() => _maintenanceTimer?.Change(TimeSpan.Zero, ReviewInterval);

    private Task MaintenanceTickAsync(CancellationToken cancellationToken) => MaintainAsync(++_ticks % ReconcileEveryTicks == 0);

    private async Task MaintainAsync(bool reconcile)
    {
        try
        {
            var reviewed = _queue.Count > 0 || S.PendingReturns.Count > 0;
            if (reviewed)
            {
                await ReviewAsync();
            }
            if (reconcile)
            {
                await ReconcileInTurnsAsync();
            }
            if (!reviewed)
            {
                // Cases held but not started are predicted without a queue too.
                await CheckRiskAsync();
            }
            await StopMaintenanceIfIdleAsync();
        }
        catch (Exception exception)
        {
            logger.ReviewFailed(exception, Key);
        }
    }
}
