using System.Globalization;

namespace AfterSales.Faults.Ledger;

/// <summary>Questions about the attempts of a run around a fault: what was answered in a window, when service came
/// back. A failure is an attempt that got no answer, a 5xx, a 408 or a 429 (the client retries those).</summary>
public static class AttemptWindow
{
    /// <summary>The attempts sent at or after <paramref name="from"/> and answered at or before <paramref name="to"/>.</summary>
    public static IReadOnlyList<Attempt> Within(WriteLedger ledger, TimeSpan from, TimeSpan to) =>
        [.. ledger.Attempts.Where(a => a.SentAt >= from && a.AnsweredAt <= to).OrderBy(a => a.SentAt)];

    /// <summary>How long after <paramref name="fault"/> the service was restored: the answer time of the last failed
    /// attempt answered after the fault (and before <paramref name="until"/>, the next fault) minus the fault; zero when
    /// nothing failed. Every attempt answered later succeeded or was refused.</summary>
    public static TimeSpan RestoredAfter(WriteLedger ledger, TimeSpan fault, TimeSpan? until = null)
    {
        var end = until ?? TimeSpan.MaxValue;
        var lastFailure = ledger.Attempts.Where(a => a.Failed && a.AnsweredAt >= fault && a.AnsweredAt < end)
            .Select(a => a.AnsweredAt).DefaultIfEmpty(fault).Max();
        return lastFailure - fault;
    }

    /// <summary>Each acknowledged write's latency in milliseconds, from its first attempt's send to the answer that
    /// acknowledged it (retries included).</summary>
    public static IReadOnlyList<double> AcknowledgedLatencies(WriteLedger ledger) =>
        [.. ledger.Attempts.Where(a => a.Succeeded).Join(ledger.Writes, a => a.WriteId, w => w.Id, (a, w) => (a.AnsweredAt - w.FirstSentAt).TotalMilliseconds)];

    /// <summary>The first attempt sent at or after <paramref name="from"/> that succeeded, minus <paramref name="from"/>;
    /// null when none did.</summary>
    public static TimeSpan? FirstSuccessAfter(WriteLedger ledger, TimeSpan from) =>
        ledger.Attempts.Where(a => a.Succeeded && a.SentAt >= from).Select(a => (TimeSpan?)(a.AnsweredAt - from)).Min();

    /// <summary>Attempts by answer (<c>201</c>: 40, <c>503</c>: 12, <c>timeout</c>: 1), in a stable order.</summary>
    public static string Tally(IEnumerable<Attempt> attempts) =>
        string.Join(", ", attempts.GroupBy(a => a.Answer).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}: {g.Count()}"));

    /// <summary>The slowest answer among the attempts, or zero.</summary>
    public static TimeSpan Slowest(IEnumerable<Attempt> attempts) => attempts.Select(a => a.Latency).DefaultIfEmpty(TimeSpan.Zero).Max();

    public static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";
}
