using System.Collections.Immutable;
using AfterSales.Cases;
using AfterSales.Common;

namespace AfterSales.Technicians;

/// <summary>Verification of assignments: a technician accepts a case before the case is stored (routing is one
/// write at the end), so a crash in between leaves the technician holding units for a case that never named it.
/// Each assignment is checked once with its case after <see cref="VerificationDelay"/>; one the case does not
/// confirm is released. The check runs from a timer while unverified assignments exist, so a lost assignment is
/// released within <see cref="VerificationDelay"/> + <see cref="VerificationInterval"/> (45 s).</summary>
internal sealed partial class TechnicianGrain
{
    /// <summary>How old an assignment must be before its case is asked: longer than any routing step may take (a
    /// department's hand-over times out after 10 s), so a case still being routed is never asked too early.</summary>
    internal static readonly TimeSpan VerificationDelay = TimeSpan.FromSeconds(30);

    /// <summary>How often the timer checks while unverified assignments exist.</summary>
    internal static readonly TimeSpan VerificationInterval = TimeSpan.FromSeconds(15);

    /// <summary>Cases asked in one run at most (in parallel); the rest wait for the next run.</summary>
    internal const int MaxVerificationsPerRun = 256;

    private IGrainTimer? _verificationTimer;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (S.LegacyAssignments.Count > 0)
        {
            // A technician stored before assignments had rows of their own: move them, once.
            foreach (var assignment in S.LegacyAssignments)
            {
                S.Assignments.Set(assignment.CaseNumber, assignment);
            }
            S.LegacyAssignments.Clear();
            await state.WriteOrResetAsync(this, cancellationToken);
        }
        ScheduleVerification();
    }

    public async Task<ImmutableArray<string>> ReconcileAssignmentsAsync()
    {
        if (!S.Registered)
        {
            return [];
        }
        var horizon = time.GetUtcNow() - VerificationDelay;
        var due = S.Assignments.Values
            .Where(a => a.AssignedAt <= horizon && (S.VerifiedThrough is not { } through || a.AssignedAt > through))
            .OrderBy(a => a.AssignedAt)
            .Take(MaxVerificationsPerRun)
            .ToList();
        if (due.Count == 0)
        {
            StopVerificationIfDone();
            return [];
        }
        var held = await Task.WhenAll(due.Select(a => GrainFactory.GetGrain<ICaseGrain>(a.CaseNumber).IsHeldByAsync(Id)));
        var released = ImmutableArray.CreateBuilder<string>();
        for (var i = 0; i < due.Count; i++)
        {
            // Released meanwhile (the case resolved or moved while it was asked): nothing to do.
            if (!held[i] && S.Assignments.Remove(due[i].CaseNumber))
            {
                released.Add(due[i].CaseNumber);
                logger.UnconfirmedAssignmentReleased(Id, due[i].CaseNumber);
            }
        }
        // The mark is kept in memory and stored with the next write: after a restart a few are asked again (harmless).
        S.VerifiedThrough = due[^1].AssignedAt;
        if (released.Count > 0)
        {
            WorkChanged();
            await CommitAndTellAsync();
        }
        StopVerificationIfDone();
        return released.ToImmutable();
    }

    /// <summary>Keeps the timer running while an assignment waits for its check.</summary>
    private void ScheduleVerification()
    {
        if (_verificationTimer is not null || !HasUnverified())
        {
            return;
        }
        _verificationTimer = this.RegisterGrainTimer(
            async _ => await ReconcileAssignmentsAsync(),
            new GrainTimerCreationOptions(VerificationInterval, VerificationInterval));
    }

    private void StopVerificationIfDone()
    {
        if (_verificationTimer is not null && !HasUnverified())
        {
            _verificationTimer.Dispose();
            _verificationTimer = null;
        }
    }

    private bool HasUnverified() =>
        S.VerifiedThrough is not { } through
            ? S.Assignments.Count > 0
            : S.Assignments.Values.Any(a => a.AssignedAt > through);
}
