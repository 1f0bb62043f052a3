using AfterSales.Domain.Maintenance;
using AfterSales.Maintenance;

namespace AfterSales.Devices;

/// <summary>A usage threshold crossed or a condition episode begun whose work order is not opened yet: recorded with
/// the readings that caused it, so a failure to open it is retried with the next readings, never lost.</summary>
[GenerateSerializer, Alias("AfterSales.Grains.PendingTrigger")]
internal sealed class PendingTrigger
{
    [Id(0)] public MaintenanceTriggerKind Kind { get; set; }
    [Id(1)] public string SourceId { get; set; } = "";
    [Id(2)] public string Period { get; set; } = "";
    [Id(3)] public string Evidence { get; set; } = "";
    [Id(4)] public DateTimeOffset DueAt { get; set; }
    [Id(5)] public DateTimeOffset WindowEnd { get; set; }

    public static PendingTrigger Of(MaintenanceTrigger trigger) => new()
    {
        Kind = trigger.Kind,
        SourceId = trigger.SourceId,
        Period = trigger.Period,
        Evidence = trigger.Evidence,
        DueAt = trigger.Window.DueAt,
        WindowEnd = trigger.Window.End,
    };

    public MaintenanceTrigger ToTrigger() => new(Kind, SourceId, Period, Evidence, new DueWindow(DueAt, WindowEnd));
}
