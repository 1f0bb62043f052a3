using AfterSales.Cases;
using AfterSales.Routing;

namespace AfterSales.Domain.Routing;

/// <summary>
/// The queue side of the reconciliation between a department's queue and its cases: what to do with a queue entry
/// given what its case says. The entry goes when the case is gone, no longer new, or belongs to another
/// department-region or shard (a withdrawal that was lost). A new case of this queue that does not say it is queued
/// keeps its entry: its routing was interrupted, and its own retry finds it queued. One-way notices the case missed
/// (optional skills dropped, the waiting reason) are sent again.
/// </summary>
internal static class QueueStanding
{
    /// <param name="standing">What the case says; null when no case has the number.</param>
    /// <param name="homedHere">The case's department-region and shard, as it says, are this queue's.</param>
    /// <param name="relaxed">The entry's optional skills were dropped.</param>
    /// <param name="told">The waiting reason kind this queue last told the case; null when none.</param>
    public static QueueVerdict Judge(CaseQueueStanding? standing, bool homedHere, bool relaxed, WaitingReasonKind? told)
    {
        if (standing is null || standing.Status != CaseStatus.New || !homedHere)
        {
            return QueueVerdict.Drop;
        }
        if (!standing.Queued)
        {
            return QueueVerdict.Keep;
        }
        var verdict = QueueVerdict.Keep;
        if (relaxed && !standing.OptionalRelaxed)
        {
            verdict |= QueueVerdict.RetellRelaxed;
        }
        if (told is not null && standing.Waiting != told)
        {
            verdict |= QueueVerdict.RetellWaiting;
        }
        return verdict;
    }
}

/// <summary>What <see cref="QueueStanding.Judge"/> decided; Retell flags combine with <see cref="Keep"/>.</summary>
[Flags]
internal enum QueueVerdict
{
    Keep = 0,
    Drop = 1,
    RetellRelaxed = 2,
    RetellWaiting = 4,
}
