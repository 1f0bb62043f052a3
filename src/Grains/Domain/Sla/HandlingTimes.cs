using AfterSales.Technicians;

namespace AfterSales.Domain.Sla;

/// <summary>
/// A department's recent handling times: the mean time from assignment to the start of work (<see cref="ToStart"/>)
/// and from the start to the release (<see cref="Work"/>) over the <see cref="WindowSize"/> most recent completions
/// released within <see cref="WindowAge"/>. Pure; built from what the technicians' status pushes carry.
/// </summary>
/// <param name="Samples">How many completions the means are taken over.</param>
internal sealed record HandlingTimes(int Samples, TimeSpan ToStart, TimeSpan Work)
{
    /// <summary>How many completions the window holds at most (the most recent).</summary>
    public const int WindowSize = 50;

    /// <summary>Fewer completions than this in the window give no prediction.</summary>
    public const int MinSamples = 3;

    /// <summary>How old a completion may be and still count.</summary>
    public static readonly TimeSpan WindowAge = TimeSpan.FromHours(24);

    /// <summary>How long a case holds its technician's capacity: from assignment to release.</summary>
    public TimeSpan Hold => ToStart + Work;

    /// <summary>The means over the window; null when it holds fewer than <see cref="MinSamples"/> completions. A case
    /// seen twice (it moved and was finished again) counts once, with its latest release.</summary>
    public static HandlingTimes? Of(IEnumerable<CompletedWork> completions, DateTimeOffset now)
    {
        var window = completions
            .Where(c => c.ReleasedAt > now - WindowAge && c.ReleasedAt <= now)
            .OrderByDescending(c => c.ReleasedAt)
            .ThenBy(c => c.CaseNumber, StringComparer.Ordinal)
            .DistinctBy(c => c.CaseNumber, StringComparer.Ordinal)
            .Take(WindowSize)
            .ToList();
        if (window.Count < MinSamples)
        {
            return null;
        }
        long toStart = 0, work = 0;
        foreach (var c in window)
        {
            toStart += Math.Max(0, (c.StartedAt - c.AssignedAt).Ticks);
            work += Math.Max(0, (c.ReleasedAt - c.StartedAt).Ticks);
        }
        return new HandlingTimes(window.Count, TimeSpan.FromTicks(toStart / window.Count), TimeSpan.FromTicks(work / window.Count));
    }
}
