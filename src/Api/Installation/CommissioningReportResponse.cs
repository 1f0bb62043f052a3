using AfterSales.Api.Hosting;
using AfterSales.Installation;

namespace AfterSales.Api.Installation;

/// <summary>A work order's commissioning report.</summary>
/// <param name="Outcome"><c>pass</c> when every answered item passed, else <c>fail</c>.</param>
/// <param name="TechnicianId">The work order's technician when the report was submitted.</param>
/// <param name="Deviations">Every failed item: failed checks and measurements outside their range.</param>
/// <param name="FaultCaseNumber">A failed commissioning's fault case for technical support.</param>
/// <param name="Completed">True once the device and the cases followed the outcome; false while a step is left (a retry
/// with the same Idempotency-Key, or the work order itself within a minute, completes it).</param>
public sealed record CommissioningReportResponse(
    string WorkOrderNumber,
    string DeviceSerial,
    string Model,
    string CustomerId,
    string? Site,
    string TechnicianId,
    SignOffResponse SignOff,
    CommissioningVerdict Outcome,
    IReadOnlyList<ReportCheckResponse> Checks,
    IReadOnlyList<ReportMeasurementResponse> Measurements,
    IReadOnlyList<ReportDeviationResponse> Deviations,
    DateTimeOffset SubmittedAt,
    string SubmittedBy,
    string? FaultCaseNumber,
    bool Completed)
{
    internal static CommissioningReportResponse From(CommissioningReport r) => new(
        r.WorkOrderNumber, r.DeviceSerial, r.Model, r.CustomerId, r.Site, r.TechnicianId, new SignOffResponse(r.SignOff.Name, r.SignOff.SignedAt),
        r.Outcome,
        [.. r.Checks.OrEmpty().Select(c => new ReportCheckResponse(c.ItemId, c.Text, c.Required, c.Passed, c.Note, c.Photos.OrEmpty()))],
        [.. r.Measurements.OrEmpty().Select(m => new ReportMeasurementResponse(
            m.ItemId, m.Text, m.Required, m.Value, m.Unit, m.Min, m.Max, m.Passed, m.Note, m.Photos.OrEmpty()))],
        [.. r.Deviations.OrEmpty().Select(d => new ReportDeviationResponse(d.ItemId, d.Text, d.Finding, d.Note))],
        r.SubmittedAt, r.SubmittedBy, r.FaultCaseNumber, r.Completed);
}

/// <summary>Who signed for the customer, and when.</summary>
public sealed record SignOffResponse(string Name, DateTimeOffset SignedAt);

/// <summary>A check of the report; <paramref name="Passed"/> is null when it was not answered.</summary>
public sealed record ReportCheckResponse(string ItemId, string Text, bool Required, bool? Passed, string? Note, IReadOnlyList<string> Photos);

/// <summary>A measurement of the report with its expected range; <paramref name="Value"/> is null when it was not taken.</summary>
public sealed record ReportMeasurementResponse(
    string ItemId, string Text, bool Required, decimal? Value, string Unit, decimal? Min, decimal? Max, bool? Passed, string? Note,
    IReadOnlyList<string> Photos);

/// <summary>A failed item: what was found (e.g. <c>251 V, expected 210 to 240 V</c> or <c>check failed</c>) and the note.</summary>
public sealed record ReportDeviationResponse(string ItemId, string Text, string Finding, string? Note);
