using System.Collections.Immutable;

namespace AfterSales.Installation;

/// <summary>The commissioning report of a work order: what was checked and measured, what deviated, who did it, who
/// signed it off and the outcome. Stored when submitted, before the device and the cases follow.</summary>
/// <param name="TechnicianId">The work order's technician at submission.</param>
/// <param name="FaultCaseNumber">A failed commissioning's fault case for technical support.</param>
/// <param name="Completed">True once the device and the cases have followed the outcome (device commissioned or left
/// installed, work order resolved, fault case opened and linked).</param>
[GenerateSerializer, Immutable, Alias("AfterSales.CommissioningReport")]
public sealed record CommissioningReport(
    [property: Id(0)] string WorkOrderNumber,
    [property: Id(1)] string DeviceSerial,
    [property: Id(2)] string Model,
    [property: Id(3)] string CustomerId,
    [property: Id(4)] string? Site,
    [property: Id(5)] string TechnicianId,
    [property: Id(6)] CustomerSignOff SignOff,
    [property: Id(7)] CommissioningVerdict Outcome,
    [property: Id(8)] ImmutableArray<ReportCheck> Checks,
    [property: Id(9)] ImmutableArray<ReportMeasurement> Measurements,
    [property: Id(10)] ImmutableArray<ReportDeviation> Deviations,
    [property: Id(11)] DateTimeOffset SubmittedAt,
    [property: Id(12)] string SubmittedBy,
    [property: Id(13)] string? FaultCaseNumber,
    [property: Id(14)] bool Completed);

/// <summary>A check item of the report; <see cref="Passed"/> is null when it was not answered (optional items).</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.ReportCheck")]
public sealed record ReportCheck(
    [property: Id(0)] string ItemId,
    [property: Id(1)] string Text,
    [property: Id(2)] bool Required,
    [property: Id(3)] bool? Passed,
    [property: Id(4)] string? Note,
    [property: Id(5)] ImmutableArray<string> Photos);

/// <summary>A measurement of the report, with its expected range; <see cref="Value"/> is null when it was not taken.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.ReportMeasurement")]
public sealed record ReportMeasurement(
    [property: Id(0)] string ItemId,
    [property: Id(1)] string Text,
    [property: Id(2)] bool Required,
    [property: Id(3)] decimal? Value,
    [property: Id(4)] string Unit,
    [property: Id(5)] decimal? Min,
    [property: Id(6)] decimal? Max,
    [property: Id(7)] bool? Passed,
    [property: Id(8)] string? Note,
    [property: Id(9)] ImmutableArray<string> Photos);

/// <summary>An item that failed: a failed check, or a measurement outside its range recorded as a deviation.</summary>
/// <param name="Finding">What was found, e.g. <c>250 V, expected 200–240 V</c> or <c>check failed</c>.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.ReportDeviation")]
public sealed record ReportDeviation(
    [property: Id(0)] string ItemId,
    [property: Id(1)] string Text,
    [property: Id(2)] string Finding,
    [property: Id(3)] string? Note);
