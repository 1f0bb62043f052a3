using AfterSales.Common;

namespace AfterSales.Installation;

/// <summary>The commissioning of one installation work order (key: its case number): the checklist instantiated from
/// the device model's template, the answers, and the report. Answers are taken while the work order is assigned or in
/// progress and not yet submitted (409 otherwise).</summary>
[Alias("AfterSales.ICommissioningGrain")]
public interface ICommissioningGrain : IGrainWithStringKey
{
    /// <summary>The checklist, instantiated from the model's template on first use; 404 when the case does not exist
    /// or is not an installation work order.</summary>
    [Alias("GetChecklist")]
    Task<Result<ChecklistSnapshot>> GetChecklistAsync();

    /// <summary>Records one answer (404 unknown item; 422 when it does not fit the item; 409 outside assigned/in
    /// progress or after submission; 412 on a stale version).</summary>
    [Alias("RecordAnswer")]
    Task<Result<ChecklistSnapshot>> RecordAnswerAsync(RecordChecklistAnswerRequest request);

    /// <summary>Stores the report (422 while required items are unanswered; 409 when already submitted), then makes the
    /// device and the cases follow its outcome. A retry with the same idempotency key and body completes what a cut-off
    /// left undone and answers the report again (replayed).</summary>
    [Alias("Submit")]
    Task<Result<CommissioningReport>> SubmitAsync(SubmitCommissioningRequest request);

    /// <summary>The report, or null until one is submitted.</summary>
    [Alias("GetReport"), ReadOnly]
    Task<CommissioningReport?> GetReportAsync();
}
