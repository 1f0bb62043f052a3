using AfterSales.Cases;
using AfterSales.Models;
using AfterSales.Persistence;

namespace AfterSales.Devices;

/// <summary>Durable state of <see cref="DeviceGrain"/>: a bounded record, and the journal of every change of the
/// device's life (appended with the record, never rewritten, never cut).</summary>
[GenerateSerializer, Alias("AfterSales.Grains.DeviceState")]
internal sealed class DeviceState : IRowBackedState
{
    /// <summary>The stream type of a device's events in the journal.</summary>
    public const string StreamType = "device";

    [Id(0)] public bool Registered { get; set; }
    [Id(1)] public string Model { get; set; } = "";
    [Id(2)] public string CustomerId { get; set; } = "";
    [Id(3)] public string? Site { get; set; }
    [Id(4)] public DateOnly? InstalledOn { get; set; }
    /// <summary>The warranty end given at registration, which the device keeps; null when the warranty follows the rule.</summary>
    [Id(5)] public DateOnly? WarrantyEnd { get; set; }
    [Id(6)] public DeviceStatus Status { get; set; }
    [Id(7)] public DateTimeOffset CreatedAt { get; set; }
    [Id(8)] public int Version { get; set; }
    [Id(9)] public string? IdempotencyKey { get; set; }
    [Id(10)] public string? RequestHash { get; set; }
    [Id(11)] public DateOnly? ShippedOn { get; set; }
    [Id(12)] public string? ShipmentId { get; set; }
    /// <summary>The model's warranty length when the device was registered (a later change of the model does not
    /// change warranties already sold).</summary>
    [Id(13)] public int WarrantyMonths { get; set; }
    /// <summary>The day commissioning was accepted, or the installation day a device was registered with.</summary>
    [Id(14)] public DateOnly? AcceptedOn { get; set; }
    [Id(15)] public DateTimeOffset? CommissionedAt { get; set; }
    /// <summary>The work order whose commissioning was accepted.</summary>
    [Id(16)] public string? CommissionedBy { get; set; }
    [Id(17)] public List<BaselineValue> Baseline { get; set; } = [];
    /// <summary>Service contracts by id (bounded by <see cref="DeviceGrain.MaxContracts"/>).</summary>
    [Id(18)] public Dictionary<string, DeviceContract> Contracts { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Open fault, maintenance and installation cases about the device, by number.</summary>
    [Id(19)] public Dictionary<string, CaseType> OpenCases { get; set; } = new(StringComparer.Ordinal);
    [Id(20)] public int LastEventSequence { get; set; }
    /// <summary>The work order whose commissioning last failed (a repeat of its outcome changes nothing).</summary>
    [Id(21)] public string? LastFailedWorkOrder { get; set; }
    /// <summary>The work order that installed the device on site.</summary>
    [Id(22)] public string? InstalledBy { get; set; }
    /// <summary>When the device left service (decommissioned after being in service), for its reliability.</summary>
    [Id(47)] public DateTimeOffset? ServiceEndedAt { get; set; }
    /// <summary>The device's own maintenance plans by id (one with a model plan's id replaces it for this device).</summary>
    [Id(23)] public Dictionary<string, MaintenancePlanTemplate> OwnPlans { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Where each plan stands (next occurrence, last visit), by plan id.</summary>
    [Id(24)] public Dictionary<string, PlanStanding> PlanStandings { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Maintenance occurrences claimed, by <c>source|period</c> (bounded by
    /// <see cref="DeviceGrain.MaxMaintenanceClaims"/>; open ones are never dropped).</summary>
    [Id(25)] public Dictionary<string, MaintenanceClaim> MaintenanceClaims { get; set; } = new(StringComparer.Ordinal);
    /// <summary>The device's meters by name (at most the model's meters).</summary>
    [Id(35)] public Dictionary<string, MeterState> Meters { get; set; } = new(StringComparer.Ordinal);
    /// <summary>The model's condition rules that have held at least once, by rule id.</summary>
    [Id(36)] public Dictionary<string, ConditionState> Conditions { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Work orders readings called for that are not opened yet (retried with the next readings).</summary>
    [Id(37)] public List<PendingTrigger> PendingTriggers { get; set; } = [];
    /// <summary>Readings applied over the device's life.</summary>
    [Id(38)] public long ReadingsApplied { get; set; }
    /// <summary>The model's plans version the device's schedule follows (<see cref="ProductModel.PlansVersion"/>).</summary>
    [Id(54)] public int ModelPlansVersion { get; set; }
    /// <summary>The owner's region, whose calendar the device's maintenance days are read in (null until read).</summary>
    [Id(55)] public string? Region { get; set; }
    /// <summary>True once the model's device index recorded the device (and false again when it leaves service).</summary>
    [Id(56)] public bool InModelIndex { get; set; }

    /// <summary>Events recorded since the last write (journal: not part of the serialized record).</summary>
    [field: NonSerialized]
    public EventJournal Events { get; } = new(StreamType);

    /// <summary>What each fault, maintenance and installation case about the device says about its reliability, keyed
    /// by case number (rows: not part of the serialized record).</summary>
    [field: NonSerialized]
    public StateRows<Reliability.CaseWorkFact> Work { get; } = new("work");

    IReadOnlyList<IStateRows> IRowBackedState.RowSets => [Work];

    EventJournal IRowBackedState.Journal => Events;
}
