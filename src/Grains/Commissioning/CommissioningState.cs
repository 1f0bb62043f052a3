using AfterSales.Installation;
using AfterSales.Models;
using AfterSales.Persistence;

namespace AfterSales.Commissioning;

/// <summary>Durable state of <see cref="CommissioningGrain"/>: the checklist's template (copied from the model when the
/// checklist is first used, so a later change of the model does not change a work order under way), the report once
/// submitted, and the answers one row each (a photo-heavy answer is written alone, not with every other).</summary>
[GenerateSerializer, Alias("AfterSales.Grains.CommissioningState")]
internal sealed class CommissioningState : IRowBackedState
{
    [Id(0)] public bool Instantiated { get; set; }
    [Id(1)] public string DeviceSerial { get; set; } = "";
    [Id(2)] public string Model { get; set; } = "";
    [Id(3)] public string CustomerId { get; set; } = "";
    [Id(4)] public string? Site { get; set; }
    [Id(5)] public List<ChecklistItemTemplate> Items { get; set; } = [];
    [Id(6)] public int Version { get; set; }

    /// <summary>True once the report is stored; the answers no longer change.</summary>
    [Id(7)] public bool Submitted { get; set; }
    [Id(8)] public CustomerSignOff? SignOff { get; set; }
    [Id(9)] public CommissioningVerdict Outcome { get; set; }
    [Id(10)] public string TechnicianId { get; set; } = "";
    [Id(11)] public DateTimeOffset SubmittedAt { get; set; }
    [Id(12)] public string SubmittedBy { get; set; } = "";

    /// <summary>A failed commissioning's fault case: its number is reserved with the report, so the case is opened once
    /// whatever number of retries it takes.</summary>
    [Id(13)] public string? FaultCaseNumber { get; set; }

    /// <summary>True once the device and the cases followed the report.</summary>
    [Id(14)] public bool Completed { get; set; }
    [Id(15)] public string? IdempotencyKey { get; set; }
    [Id(16)] public string? RequestHash { get; set; }

    /// <summary>The answers by item id (rows: not part of the serialized record).</summary>
    [field: NonSerialized]
    public StateRows<ChecklistAnswer> Answers { get; } = new("answer");

    IReadOnlyList<IStateRows> IRowBackedState.RowSets => [Answers];

    EventJournal? IRowBackedState.Journal => null;
}
