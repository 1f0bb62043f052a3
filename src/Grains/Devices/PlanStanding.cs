using AfterSales.Maintenance;

namespace AfterSales.Devices;

/// <summary>Where one of a device's plans stands: the next occurrence held by the scheduler, and the last visit (the
/// anchor of interval plans).</summary>
[GenerateSerializer, Alias("AfterSales.Grains.PlanStanding")]
internal sealed class PlanStanding
{
    /// <summary>The occurrence handed (or to be handed) to the scheduler; null while a work order is open or when the
    /// plan has no next occurrence.</summary>
    [Id(0)] public MaintenanceDue? Next { get; set; }
    [Id(1)] public DateOnly? LastVisitOn { get; set; }
    [Id(2)] public string? LastWorkOrder { get; set; }

    /// <summary>True once the scheduler acknowledged <see cref="Next"/> (kept with the next write; a repeat is harmless).</summary>
    [Id(3)] public bool HandedOver { get; set; }

    /// <summary>The last period claimed (due day of a time plan): the next occurrence comes after it.</summary>
    [Id(4)] public DateOnly? LastClaimedDay { get; set; }
}
