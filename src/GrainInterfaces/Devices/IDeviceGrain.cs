using System.Collections.Immutable;
using AfterSales.Common;
using AfterSales.Maintenance;
using AfterSales.Reliability;
using AfterSales.Models;
using AfterSales.Readings;

namespace AfterSales.Devices;

/// <summary>One device (key: serial number): its model, owner, site, life, warranty, contracts and baseline.</summary>
[Alias("AfterSales.IDeviceGrain")]
public interface IDeviceGrain : IGrainWithStringKey
{
    /// <summary>Registers the device to an existing customer (and an existing model); the customer's device list is updated.</summary>
    [Alias("Register")]
    Task<Result<DeviceSnapshot>> RegisterAsync(RegisterDeviceRequest request);

    /// <summary>The device, or null when it was never registered.</summary>
    [Alias("Get"), ReadOnly]
    Task<DeviceSnapshot?> GetAsync();

    /// <summary>What the device is entitled to on <paramref name="on"/> (warranty, contract, tier); null when the
    /// device was never registered.</summary>
    [Alias("GetEntitlement"), ReadOnly]
    Task<Entitlement?> GetEntitlementAsync(DateOnly on);

    /// <summary>Events of the device's life with a sequence above <paramref name="afterSequence"/>, oldest first, at
    /// most <paramref name="limit"/>; null when the device was never registered.</summary>
    [Alias("GetHistory"), ReadOnly]
    Task<DeviceHistoryPage?> GetHistoryAsync(int afterSequence, int limit);

    /// <summary>The device was installed on site by a work order (shipped → installed; idempotent).</summary>
    [Alias("MarkInstalled")]
    Task<Result<DeviceSnapshot>> MarkInstalledAsync(string workOrderNumber, DateTimeOffset at, string actor);

    /// <summary>Records a commissioning's outcome (see <see cref="CommissioningOutcome"/>).</summary>
    [Alias("Commission")]
    Task<Result<DeviceSnapshot>> CommissionAsync(CommissioningOutcome outcome);

    /// <summary>A fault, maintenance or installation case about the device changed (opened, acted on, visited, moved):
    /// one message with the case as it stands (see <see cref="DeviceCaseNotice"/>). The device's status follows its open
    /// cases, it keeps the case's reliability fact and passes it on to its model's reliability shard, and a maintenance
    /// work order's end, cancellation or move updates the plan and the region's overdue list — all in at most one write.
    /// Idempotent per case; a stale notice changes nothing.</summary>
    [Alias("OnCaseNotice")]
    Task OnCaseNoticeAsync(DeviceCaseNotice notice);

    /// <summary>A service contract covers the device (idempotent per contract id; a changed period replaces it).</summary>
    [Alias("AddContract")]
    Task<Result<DeviceSnapshot>> AddContractAsync(DeviceContract contract, string actor);

    /// <summary>Takes the device out of service for good (409 while cases about it are open; 412 on a stale version).</summary>
    [Alias("Decommission")]
    Task<Result<DeviceSnapshot>> DecommissionAsync(string reason, string actor, int? expectedVersion);

    /// <summary>The scheduler hands over a due occurrence of one of the device's plans: the device opens its work order
    /// (at most one per plan and period, however often this is delivered) or, when the plan no longer applies, drops
    /// it. Completes once the outcome is durable, so the scheduler may forget the entry.</summary>
    [Alias("OnMaintenanceDue")]
    Task OnMaintenanceDueAsync(MaintenanceDue due);

    /// <summary>The device's reliability now (docs/RELIABILITY.md); null when the device was never registered.</summary>
    [Alias("GetReliability"), ReadOnly]
    Task<ReliabilityFigures?> GetReliabilityAsync();
    /// <summary>The device's maintenance plans in force and its recent maintenance work orders; null when the device
    /// does not exist. A device whose model changed its plans since it last followed them follows them first (so this
    /// may write).</summary>
    [Alias("GetMaintenance")]
    Task<DeviceMaintenance?> GetMaintenanceAsync();

    /// <summary>The device's model is at maintenance plans version <paramref name="plansVersion"/>
    /// (<see cref="ProductModel.PlansVersion"/>): the device recomputes the plans it inherits — a plan added is
    /// scheduled, a changed one rescheduled from its anchor, a removed one's scheduled occurrence taken back; its own
    /// plans win and open work orders stay open. Idempotent per version; an older version changes nothing.</summary>
    [Alias("OnModelPlansChanged")]
    Task OnModelPlansChangedAsync(int plansVersion);

    /// <summary>Adds or replaces one of the device's own plans (one with a model plan's id replaces it for this device)
    /// and schedules its next occurrence (400 on an invalid plan at its field; 412 on a stale version).</summary>
    [Alias("SetMaintenancePlan")]
    Task<Result<DeviceMaintenance>> SetMaintenancePlanAsync(MaintenancePlanTemplate plan, string actor, int? expectedVersion);

    /// <summary>Removes one of the device's own plans (the model's plan of the same id, if any, applies again); 404 when
    /// the device has no plan of its own with that id.</summary>
    [Alias("RemoveMaintenancePlan")]
    Task<Result<DeviceMaintenance>> RemoveMaintenancePlanAsync(string planId, string actor, int? expectedVersion);
    /// <summary>Re-issues the cancelled maintenance work order <paramref name="caseNumber"/>: a new work order for the same
    /// occurrence (source, period, due window), at most one per cancelled work order — a repeat answers the one already
    /// re-issued (a replay). 404 on number when the device has no such work order; 409 when it was not cancelled (open,
    /// completed or refused) or the device takes no maintenance.</summary>
    [Alias("ReissueMaintenanceOrder")]
    Task<Result<DeviceMaintenance>> ReissueMaintenanceOrderAsync(string caseNumber, string actor);

    /// <summary>Records readings of the device's meters, all or none: a refused reading (unknown meter, a counter
    /// going backwards without a reset) is named by its index and nothing is applied. Completes once the readings are
    /// durable; readings crossing a usage plan's threshold or raising a condition rule open their work order first.</summary>
    [Alias("RecordReadings")]
    Task<Result<ReadingsOutcome>> RecordReadingsAsync(ImmutableArray<MeterReading> readings);
}
