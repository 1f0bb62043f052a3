namespace AfterSales.Console.Api;

/// <summary>A case as a card of the board's reassignment area: in the queue zone or in the zone of the technician holding
/// it. The zone changes when the card is dropped elsewhere and the technician accepts.</summary>
internal sealed class BoardCase(string number, string subject, string status, string? priority, string zone)
{
    public const string QueueZone = "queue";

    public string Number { get; } = number;

    public string Subject { get; } = subject;

    public string Status { get; } = status;

    public string? Priority { get; } = priority;

    public string Zone { get; set; } = zone;
}
