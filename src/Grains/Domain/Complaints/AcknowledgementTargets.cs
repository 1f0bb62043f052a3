using AfterSales.Complaints;

namespace AfterSales.Domain.Complaints;

/// <summary>How long after its receipt a complaint must be acknowledged, per severity (calendar time: a complaint is
/// answered on weekends too).</summary>
internal sealed record AcknowledgementTargets(TimeSpan Low, TimeSpan Medium, TimeSpan High, TimeSpan Critical)
{
    /// <summary>The defaults: critical 4 h, high 8 h, medium 24 h, low 48 h.</summary>
    public static AcknowledgementTargets Default { get; } =
        new(TimeSpan.FromHours(48), TimeSpan.FromHours(24), TimeSpan.FromHours(8), TimeSpan.FromHours(4));

    public TimeSpan For(ComplaintSeverity severity) => severity switch
    {
        ComplaintSeverity.Low => Low,
        ComplaintSeverity.Medium => Medium,
        ComplaintSeverity.High => High,
        ComplaintSeverity.Critical => Critical,
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "Not a complaint severity."),
    };

    /// <summary>When a complaint received at <paramref name="receivedAt"/> with <paramref name="severity"/> must be acknowledged.</summary>
    public DateTimeOffset DueAt(DateTimeOffset receivedAt, ComplaintSeverity severity) => receivedAt + For(severity);

    /// <summary>The due time after an escalation to <paramref name="severity"/> before the acknowledgement: the earlier of
    /// the current one and the new severity's target from receipt (an escalation never grants more time).</summary>
    public DateTimeOffset DueAfterEscalation(DateTimeOffset receivedAt, DateTimeOffset currentDue, ComplaintSeverity severity)
    {
        var due = DueAt(receivedAt, severity);
        return due < currentDue ? due : currentDue;
    }

    /// <summary>Whether the target was met, as shown at <paramref name="now"/>: true when acknowledged by the due time, false
    /// when acknowledged later or still unacknowledged after it, null while pending and not yet due.</summary>
    public static bool? Met(DateTimeOffset dueAt, DateTimeOffset? acknowledgedAt, DateTimeOffset now) => acknowledgedAt switch
    {
        { } at => at <= dueAt,
        null when now > dueAt => false,
        null => null,
    };
}
