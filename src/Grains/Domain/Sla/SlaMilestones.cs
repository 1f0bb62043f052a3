using System.Globalization;
using AfterSales.Sla;

namespace AfterSales.Domain.Sla;

/// <summary>Which of a case's three SLA targets a milestone belongs to.</summary>
internal enum SlaTargetKind
{
    FirstResponse,
    NextUpdate,
    Resolution,
}

/// <summary>A warning point or due time a running clock reached.</summary>
internal enum SlaMilestoneKind
{
    Warning,
    Breach,
}

/// <summary>One milestone of one run of one target's clock: <paramref name="At"/> is when it was reached,
/// <paramref name="DueAt"/> the target's due time then.</summary>
internal sealed record SlaMilestone(SlaTargetKind Target, SlaMilestoneKind Kind, DateTimeOffset At, DateTimeOffset DueAt)
{
    /// <summary>camelCase name of the target as the journal and API write it.</summary>
    public string TargetName => SlaMilestones.NameOf(Target);
}

/// <summary>
/// The live clock's rules (pure): which warning points and due times a case has reached and not yet recorded, and the
/// next instant the scheduler must wake it. A milestone is remembered by a key of target, kind and the start of the
/// clock's run, so it is recorded once per run: the next-update clock starts a new run with every update to the
/// customer; first response and resolution run once (a reopen continues the resolution run).
/// </summary>
internal static class SlaMilestones
{
    /// <summary>The milestones reached by <paramref name="now"/> on running clocks and not in <paramref name="fired"/>,
    /// in the order they were reached (warning before breach of one target).</summary>
    public static List<SlaMilestone> Reached(SlaClock clock, IReadOnlyCollection<string> fired, DateTimeOffset now) =>
        [.. Pending(clock, fired).Where(m => m.At <= now).OrderBy(m => m.At).ThenBy(m => m.Kind)];

    /// <summary>The instant the scheduler should wake the case: the earliest milestone of a running clock not yet
    /// recorded — past ones included, so a milestone that fell into the past (a target shortened by a priority change,
    /// an instant missed while the process was down) is still recorded. Null when nothing is pending.</summary>
    public static DateTimeOffset? Next(SlaClock clock, IReadOnlyCollection<string> fired)
    {
        DateTimeOffset? next = null;
        foreach (var milestone in Pending(clock, fired))
        {
            if (next is null || milestone.At < next)
            {
                next = milestone.At;
            }
        }
        return next;
    }

    /// <summary>The key that remembers <paramref name="milestone"/>, e.g. <c>resolution/breach/2026-03-02T09:00:00.0000000+00:00</c>.</summary>
    public static string KeyOf(SlaMilestone milestone, DateTimeOffset runStart) =>
        string.Create(CultureInfo.InvariantCulture, $"{NameOf(milestone.Target)}/{(milestone.Kind == SlaMilestoneKind.Warning ? "warning" : "breach")}/{runStart.UtcDateTime:O}");

    /// <summary><paramref name="fired"/> with <paramref name="reached"/> added and the keys of finished next-update runs
    /// dropped (at most six keys remain: two per target).</summary>
    public static List<string> Remember(SlaClock clock, IEnumerable<string> fired, IEnumerable<SlaMilestone> reached)
    {
        var runs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (kind, status) in Targets(clock))
        {
            if (status.StartedAt is { } start)
            {
                runs.Add(RunOf(NameOf(kind), start.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)));
            }
        }
        var kept = fired.Where(key => key.Split('/') is [var target, _, var start] && runs.Contains(RunOf(target, start))).ToList();
        foreach (var milestone in reached)
        {
            if (StatusOf(clock, milestone.Target).StartedAt is { } start)
            {
                var key = KeyOf(milestone, start);
                if (!kept.Contains(key, StringComparer.Ordinal))
                {
                    kept.Add(key);
                }
            }
        }
        return kept;
    }

    public static string NameOf(SlaTargetKind target) => target switch
    {
        SlaTargetKind.FirstResponse => "firstResponse",
        SlaTargetKind.NextUpdate => "nextUpdate",
        _ => "resolution",
    };

    /// <summary>The state the case list shows: the clock's worst state, <c>atRisk</c> when predicted to breach while
    /// still <c>ok</c>, or null for a case without an SLA.</summary>
    public static string ListState(SlaState state, bool atRisk) => state switch
    {
        SlaState.Breached => "breached",
        SlaState.Warning => "warning",
        _ => atRisk ? "atRisk" : "ok",
    };

    private static IEnumerable<SlaMilestone> Pending(SlaClock clock, IReadOnlyCollection<string> fired)
    {
        foreach (var (kind, status) in Targets(clock))
        {
            // A stopped clock (responded, resolved) or one not started or paused (no due time) has nothing pending.
            if (status.StoppedAt is not null || status.StartedAt is not { } start || status.DueAt is not { } due)
            {
                continue;
            }
            if (status.WarningAt is { } warningAt && warningAt < due)
            {
                var warning = new SlaMilestone(kind, SlaMilestoneKind.Warning, warningAt, due);
                if (!fired.Contains(KeyOf(warning, start)))
                {
                    yield return warning;
                }
            }
            var breach = new SlaMilestone(kind, SlaMilestoneKind.Breach, due, due);
            if (!fired.Contains(KeyOf(breach, start)))
            {
                yield return breach;
            }
        }
    }

    private static IEnumerable<(SlaTargetKind Kind, SlaTargetStatus Status)> Targets(SlaClock clock) =>
    [
        (SlaTargetKind.FirstResponse, clock.FirstResponse),
        (SlaTargetKind.NextUpdate, clock.NextUpdate),
        (SlaTargetKind.Resolution, clock.Resolution),
    ];

    private static SlaTargetStatus StatusOf(SlaClock clock, SlaTargetKind target) => target switch
    {
        SlaTargetKind.FirstResponse => clock.FirstResponse,
        SlaTargetKind.NextUpdate => clock.NextUpdate,
        _ => clock.Resolution,
    };

    private static string RunOf(string target, string start) => $"{target}|{start}";
}
