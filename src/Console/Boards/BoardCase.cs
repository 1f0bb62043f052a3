namespace AfterSales.Console.Boards;

/// <summary>A case as a card of the board's reassignment area: in the queue zone or in the zone of the technician holding
/// it, with the case's status as the board last read it.</summary>
internal sealed class BoardCase(string number, string subject, string status, string? priority, string zone)
{
    public const string QueueZone = "queue";

    public string Number { get; } = number;

    public string Subject { get; } = subject;

    public string Status { get; } = status;

    public string? Priority { get; } = priority;

    public string Zone { get; } = zone;
}
