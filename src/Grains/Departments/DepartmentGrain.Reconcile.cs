using System.Collections.Immutable;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Domain;
using AfterSales.Domain.Routing;
using AfterSales.Technicians;
using Microsoft.Extensions.Logging;

namespace AfterSales.Departments;

/// <summary>
/// Reconciliation: what lost one-way messages can leave behind heals here. The roster: every technician's status is
/// read again (a lost push), and the cases a technician last returned going off shift are sent to the queue again
/// (a lost <see cref="IDepartmentGrain.CasesReturnedAsync"/>; a case accepts a return once). The queue: entries are
/// checked against what their cases say (a lost withdrawal drops the entry; a missed relaxation or waiting-reason
/// notice is sent again). Runs every <see cref="ReconcileEveryTicks"/> review ticks while active, at each reminder
/// tick, and on activation (the roster part).
/// </summary>
internal sealed partial class DepartmentGrain
{
    /// <summary>How many reads one reconciliation has in flight at once.</summary>
    internal const int MaxParallelReads = 32;

    /// <summary>How many queued cases one reconciliation checks at most; the next pass continues where it stopped.</summary>
    internal const int MaxStandingChecksPerPass = 1024;

    // The last queued case a pass checked (the next pass continues after it), and the cases of a timer-driven pass not
    // read yet: such a pass reads one batch per turn, so pushes and decisions are not held back while a long queue is
    // read.
    private readonly Queue<string> _standingBacklog = new();
    private QueuedCase? _standingCursor;
    private IGrainTimer? _standingTimer;
    private (int Dropped, int Retold) _backlogTally;

    /// <summary>A whole reconciliation in this turn: the roster, then the next window of the queue.</summary>
    public async Task<Reconciliation> ReconcileAsync()
    {
        var started = time.GetTimestamp();
        var (refreshed, left, returned) = await ReconcileRosterAsync();
        var rosterAt = time.GetTimestamp();
        var window = NextStandingWindow();
        var (dropped, retold) = await CheckStandingsAsync(window);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.ReconcileTurn(Key, Ms(started), Ms(started, rosterAt), Ms(rosterAt), window.Count, _queue.Count);
        }
        if (refreshed + left + returned.Length + dropped.Length + retold > 0)
        {
            logger.Reconciled(Key, refreshed, left, returned.Length, dropped.Length, retold);
        }
        return new Reconciliation(refreshed, left, returned, dropped, retold);
    }

    /// <summary>The timers' reconciliation: the roster in this turn, the window of the queue in turns of its own, one
    /// batch of reads each (<see cref="ReadBacklogAsync"/>).</summary>
    private async Task ReconcileInTurnsAsync()
    {
        var started = time.GetTimestamp();
        var (refreshed, left, returned) = await ReconcileRosterAsync();
        if (refreshed + left + returned.Length > 0)
        {
            logger.Reconciled(Key, refreshed, left, returned.Length, 0, 0);
        }
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.ReconcileTurn(Key, Ms(started), Ms(started), 0, 0, _queue.Count);
        }
        if (_standingBacklog.Count > 0)
        {
            return; // the last pass is still being read
        }
        foreach (var entry in NextStandingWindow())
        {
            _standingBacklog.Enqueue(entry.Case.CaseNumber);
        }
        ContinueBacklog();
    }

    private void ContinueBacklog()
    {
        if (_standingBacklog.Count == 0)
        {
            return;
        }
        _standingTimer ??= this.RegisterGrainTimer(
            ReadBacklogAsync,
            new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        _standingTimer.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Reads one batch of the pass's cases (those still queued), then asks for a turn for the next.</summary>
    private async Task ReadBacklogAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var batch = new List<QueueEntry>(MaxParallelReads);
        while (batch.Count < MaxParallelReads && _standingBacklog.TryDequeue(out var number))
        {
            if (_queue.TryGet(number, out var entry))
            {
                batch.Add(entry);
            }
        }
        try
        {
            var (dropped, retold) = await CheckStandingsAsync(batch);
            _backlogTally = (_backlogTally.Dropped + dropped.Length, _backlogTally.Retold + retold);
        }
        catch (Exception exception)
        {
            logger.ReviewFailed(exception, Key);
        }
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.ReconcileTurn(Key, Ms(started), 0, Ms(started), batch.Count, _queue.Count);
        }
        if (_standingBacklog.Count > 0)
        {
            ContinueBacklog();
        }
        else if (_backlogTally != default)
        {
            logger.Reconciled(Key, 0, 0, 0, _backlogTally.Dropped, _backlogTally.Retold);
            _backlogTally = default;
        }
    }

    /// <summary>Up to <see cref="MaxStandingChecksPerPass"/> entries homed here, continuing after the last case the
    /// previous pass checked and wrapping to the front, so every entry is checked within ⌈n / window⌉ passes.</summary>
    private List<QueueEntry> NextStandingWindow()
    {
        bool Foreign(QueueEntry entry) => !IsCaseHomedHere(entry.Case.CaseNumber);
        var window = _queue.Next(_standingCursor, MaxStandingChecksPerPass, Foreign);
        if (window.Count < MaxStandingChecksPerPass && _standingCursor is { } cursor)
        {
            window.AddRange(_queue.Next(null, MaxStandingChecksPerPass - window.Count,
                entry => Foreign(entry) || QueueOrder.Instance.Compare(entry.Case, cursor) > 0));
        }
        // A window short of the maximum covered the whole queue: the next pass starts at the front.
        _standingCursor = window.Count < MaxStandingChecksPerPass ? null : window[^1].Case;
        return window;
    }

    private async Task<(int Refreshed, int Left, ImmutableArray<string> Returned)> ReconcileRosterAsync()
    {
        if (_roster.Count == 0)
        {
            return (0, 0, []);
        }
        var standings = await ReadAllAsync(_roster.Ids.ToArray(), id => Technician(id).GetStandingAsync(), (id, e) => logger.RefreshFailed(e, Key, id));
        int refreshed = 0, left = 0;
        var changed = false;
        var returned = ImmutableArray.CreateBuilder<string>();
        foreach (var (id, standing) in standings)
        {
            if (standing.Status is not { } status || !IsHomedHere(id))
            {
                _roster.Remove(id);
                changed |= S.Roster.Remove(id);
                logger.RosterLeft(id, Key);
                left++;
                continue;
            }
            refreshed++;
            _roster.Replace(status);
            _roster.Supersede(status);
            var seen = S.Roster.TryGetValue(id, out var member) ? member.ReturnsSeen : 0;
            if (standing.LastReturned is { } last && last.Sequence > seen)
            {
                returned.AddRange(await ReturnAgainAsync(status, last.CaseNumbers));
                S.Roster.Set(id, new RosterMember(status, last.Sequence));
                changed = true;
            }
        }
        _reasonsStale = true;
        if (changed)
        {
            await state.WriteOrResetAsync(this);
        }
        // The cases are asked in the drain's turn: this may run during activation, when a case calling in would wait.
        if (S.PendingReturns.Count > 0)
        {
            ScheduleDrain(TimeSpan.Zero);
        }
        CapacityFreed();
        return (refreshed, left, returned.ToImmutable());
    }

    /// <summary>Sends cases a technician returned to their home shard's queue again: this shard records its own as
    /// pending returns (written by the caller); another shard hears them one-way, as from the technician.</summary>
    private async Task<IEnumerable<string>> ReturnAgainAsync(TechnicianStatus status, ImmutableArray<string> caseNumbers)
    {
        if (caseNumbers.IsDefaultOrEmpty)
        {
            return [];
        }
        foreach (var group in caseNumbers.GroupBy(number => shards.HomeOf(_department, _region, number), StringComparer.Ordinal))
        {
            if (group.Key == Key)
            {
                AddPendingReturns(status.TechnicianId, [.. group]);
            }
            else
            {
                await Department(group.Key).CasesReturnedAsync(status, [.. group]);
            }
        }
        return caseNumbers;
    }

    /// <summary>Reads what the given queued cases say and judges each entry (<see cref="QueueStanding"/>): drops entries
    /// whose case no longer waits here, and tells again a relaxation or waiting reason the case missed.</summary>
    private async Task<(ImmutableArray<string> Dropped, int Retold)> CheckStandingsAsync(List<QueueEntry> window)
    {
        if (window.Count == 0)
        {
            return ([], 0);
        }
        var byNumber = window.ToDictionary(e => e.Case.CaseNumber, StringComparer.Ordinal);
        var standings = await ReadAllAsync(byNumber.Keys.ToArray(), number => Case(number).GetQueueStandingAsync(), (number, e) => logger.StandingReadFailed(e, Key, number));
        var dropped = ImmutableArray.CreateBuilder<string>();
        var retold = 0;
        foreach (var (number, standing) in standings)
        {
            // The entry as it is now: it may have been relaxed or told a new reason while the case was read.
            if (!byNumber.ContainsKey(number) || !_queue.TryGet(number, out var entry))
            {
                continue;
            }
            var homedHere = standing is not null && shards.HomeOf(standing.Department, standing.Region, number) == Key;
            var verdict = QueueStanding.Judge(standing, homedHere, entry.Case.RelaxedAt is not null, entry.Case.Waiting?.Kind);
            if (verdict.HasFlag(QueueVerdict.Drop))
            {
                Dequeue(number);
                await ReleaseUnconfirmedOfferAsync(number);
                dropped.Add(number);
                logger.StaleEntryDropped(number, Key);
                continue;
            }
            if (verdict.HasFlag(QueueVerdict.RetellRelaxed))
            {
                await Case(number).OnRelaxedAsync(new QueueRelaxation(Key, "the optional skills", time.GetUtcNow() - entry.Case.EnqueuedAt));
                retold++;
            }
            if (verdict.HasFlag(QueueVerdict.RetellWaiting))
            {
                await Case(number).OnWaitingAsync(new CaseWaiting(Key, entry.Case.Waiting!));
                retold++;
            }
        }
        if (dropped.Count > 0)
        {
            await state.WriteOrResetAsync(this);
        }
        return (dropped.ToImmutable(), retold);
    }

    /// <summary>An offer whose outcome is unknown may have left the case with a technician. Unless the case did take
    /// that technician (its answer was lost, or a supervisor chose the same one), release it there.</summary>
    private async Task ReleaseUnconfirmedOfferAsync(string caseNumber)
    {
        if (_offers.Forget(caseNumber) is not { } offered)
        {
            return;
        }
        var held = await Case(caseNumber).GetAsync();
        if (held?.AssignedTechnicianId != offered
            || held.Status is not (CaseStatus.Assigned or CaseStatus.InProgress or CaseStatus.WaitingForCustomer))
        {
            _roster.ObserveIfPresent(await Technician(offered).ReleaseAsync(caseNumber));
        }
    }

    /// <summary>Reads every key with at most <see cref="MaxParallelReads"/> reads in flight, each bounded by
    /// <see cref="ReadTimeout"/>; a read that fails or times out is left out (the next pass tries again).</summary>
    private static async Task<List<(string Key, T Value)>> ReadAllAsync<T>(string[] keys, Func<string, Task<T>> read, Action<string, Exception> failed)
    {
        var results = new List<(string, T)>(keys.Length);
        foreach (var chunk in keys.Chunk(MaxParallelReads))
        {
            var reads = chunk.Select(async key =>
            {
                try
                {
                    return (key, Value: await read(key).WaitAsync(ReadTimeout), Answered: true);
                }
                catch (Exception exception)
                {
                    failed(key, exception);
                    return (key, Value: default(T)!, Answered: false);
                }
            });
            foreach (var (key, value, answered) in await Task.WhenAll(reads))
            {
                if (answered)
                {
                    results.Add((key, value));
                }
            }
        }
        return results;
    }
}
