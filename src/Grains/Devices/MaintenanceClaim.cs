using AfterSales.Maintenance;

namespace AfterSales.Devices;

/// <summary>One claimed maintenance occurrence (source and period): recorded with the case number before the work order
/// is opened, so a repeat after a crash opens the same case (whose request hash makes it a replay) instead of a
/// second one.</summary>
[GenerateSerializer, Alias("AfterSales.Grains.MaintenanceClaim")]
internal sealed class MaintenanceClaim
{
    [Id(0)] public MaintenanceOrder Order { get; set; } = null!;
    [Id(1)] public string CaseNumber { get; set; } = "";
    [Id(2)] public DateTimeOffset ClaimedAt { get; set; }
    /// <summary>True once the case exists.</summary>
    [Id(3)] public bool Opened { get; set; }
    /// <summary>Why the case refused to open (no retry); null otherwise.</summary>
    [Id(4)] public string? Refused { get; set; }
    [Id(5)] public DateTimeOffset? EndedAt { get; set; }
    /// <summary>Where the case is now (set when it opened, updated by each case notice), for the region's overdue index.</summary>
    [Id(6)] public string? Department { get; set; }
    [Id(7)] public string? Region { get; set; }
    /// <summary>The case's version the claim last followed (an older notice of the case changes nothing here).</summary>
    [Id(20)] public int CaseRevision { get; set; }
    /// <summary>True when the case ended cancelled: the occurrence was not served (see <see cref="ReissuedAs"/>).</summary>
    [Id(21)] public bool Cancelled { get; set; }
    /// <summary>The work order that re-issued this cancelled one.</summary>
    [Id(22)] public string? ReissuedAs { get; set; }
    /// <summary>The cancelled work order this one re-issues (same source, period and due window).</summary>
    [Id(23)] public string? Reissues { get; set; }

    public bool IsOpen => Opened && EndedAt is null;
}
