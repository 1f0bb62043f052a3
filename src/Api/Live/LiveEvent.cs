using AfterSales.Live;

namespace AfterSales.Api.Live;

/// <summary>The data of a live event (Server-Sent Events). Event types: <c>ready</c> once the stream follows the changes
/// (a change made after it is sent), <c>case</c> for each change, <c>heartbeat</c> every 15 s without one.</summary>
/// <param name="CaseNumber">The case that changed; null for ready and heartbeat.</param>
/// <param name="Sequence">The sequence of the change's last event in the case's history.</param>
/// <param name="Kind">What happened last, an event action of the case's history (e.g. <c>assigned</c>, <c>resolve</c>).</param>
/// <param name="At">When the change happened (for ready and heartbeat: when the event was sent).</param>
/// <param name="Status">The case's status after the change, when known.</param>
/// <param name="Department">The department the case is in after the change, when known.</param>
/// <param name="Region">The region the case is in after the change, when known.</param>
public sealed record LiveEvent(string? CaseNumber, long? Sequence, string? Kind, DateTimeOffset At, string? Status, string? Department, string? Region)
{
    internal const string Ready = "ready";
    internal const string Case = "case";
    internal const string Heartbeat = "heartbeat";

    internal static LiveEvent From(CaseChange change) =>
        new(change.CaseNumber, change.Sequence, change.Kind, change.At, change.Status, change.Department, change.Region);

    internal static LiveEvent Signal(DateTimeOffset at) => new(null, null, null, at, null, null, null);
}
