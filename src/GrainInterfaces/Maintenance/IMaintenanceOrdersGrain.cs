using System.Collections.Immutable;

namespace AfterSales.Maintenance;

/// <summary>The open maintenance work orders of one region (key: the region), kept by the devices that open and end
/// them, so the overdue list of a region or department is read from one grain instead of every device.</summary>
[Alias("AfterSales.IMaintenanceOrdersGrain")]
public interface IMaintenanceOrdersGrain : IGrainWithStringKey
{
    /// <summary>Adds or replaces <paramref name="order"/> (idempotent per case number).</summary>
    [Alias("Track")]
    Task TrackAsync(OpenMaintenanceOrder order);

    /// <summary>Forgets the work order <paramref name="caseNumber"/> (idempotent).</summary>
    [Alias("Untrack")]
    Task UntrackAsync(string caseNumber);

    /// <summary>The open work orders whose due window has ended, of <paramref name="department"/> (slug) or of every
    /// department when null, most overdue first, at most <paramref name="limit"/>.</summary>
    [Alias("GetOverdue"), ReadOnly]
    Task<ImmutableArray<OpenMaintenanceOrder>> GetOverdueAsync(string? department, int limit);
}
