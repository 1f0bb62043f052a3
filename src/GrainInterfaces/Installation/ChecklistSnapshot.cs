using System.Collections.Immutable;
using AfterSales.Models;

namespace AfterSales.Installation;

/// <summary>A work order's commissioning checklist, instantiated from its device model's template the first time it
/// is read. <see cref="Version"/> is the ETag.</summary>
/// <param name="Outcome">Set once the commissioning report is submitted (the checklist is then read-only).</param>
[GenerateSerializer, Immutable, Alias("AfterSales.ChecklistSnapshot")]
public sealed record ChecklistSnapshot(
    [property: Id(0)] string WorkOrderNumber,
    [property: Id(1)] string DeviceSerial,
    [property: Id(2)] string Model,
    [property: Id(3)] ImmutableArray<ChecklistItem> Items,
    [property: Id(4)] ChecklistProgress Progress,
    [property: Id(5)] CommissioningVerdict? Outcome,
    [property: Id(6)] int Version);

/// <summary>One item of a checklist: the model's template and the answer, if any.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.ChecklistItem")]
public sealed record ChecklistItem(
    [property: Id(0)] ChecklistItemTemplate Template,
    [property: Id(1)] ChecklistAnswer? Answer);

/// <summary>How far a checklist is: items answered (required ones apart), passed and failed.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.ChecklistProgress")]
public sealed record ChecklistProgress(
    [property: Id(0)] int Total,
    [property: Id(1)] int Answered,
    [property: Id(2)] int Required,
    [property: Id(3)] int RequiredAnswered,
    [property: Id(4)] int Passed,
    [property: Id(5)] int Failed);

/// <summary>The outcome of a commissioning: pass when every answered item passed. Stored: never renumber.</summary>
[GenerateSerializer, Alias("AfterSales.CommissioningVerdict")]
public enum CommissioningVerdict
{
    Pass = 0,
    Fail = 1,
}
