namespace AfterSales.Bench.Drivers;

/// <summary>What the sla-clocks scenario needs beyond the common calls: the SLA policy, a case's SLA events, and the
/// server's memory.</summary>
internal interface ISlaClockTarget
{
    /// <summary>Replaces the SLA policy with one rule for every case: calendar-time targets of <paramref name="firstResponse"/>,
    /// twice that for the next update and three times for resolution, warning at <paramref name="warningPercent"/>.</summary>
    Task<CallResult> ReplaceSlaPolicyAsync(TimeSpan firstResponse, int warningPercent, CancellationToken cancellationToken);

    /// <summary>The case's <c>slaWarning</c> and <c>slaBreached</c> events (from its first history page).</summary>
    Task<CallResult<IReadOnlyList<SlaEvent>>> GetSlaEventsAsync(string caseNumber, CancellationToken cancellationToken);

    /// <summary>The server process's working set in bytes, when the bench started it.</summary>
    long? ServerWorkingSet { get; }
}

/// <summary>A live-clock event of a case: its kind, when it was recorded, and its details.</summary>
internal sealed record SlaEvent(string Kind, DateTimeOffset At, string Details);
