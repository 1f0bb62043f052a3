using System.ComponentModel.DataAnnotations;
using AfterSales.Api.Hosting;
using AfterSales.Api.Validation;
using AfterSales.Complaints;

namespace AfterSales.Api.Complaints;

/// <summary>Files a complaint for a customer.</summary>
/// <param name="CustomerId">The customer complaining; must exist.</param>
/// <param name="Channel">How the complaint came in.</param>
/// <param name="Category">What it is about; <c>technicianConduct</c> needs <paramref name="TechnicianId"/>.</param>
/// <param name="Severity">How serious it is; sets the acknowledgement target.</param>
/// <param name="Description">What the customer says (max 4000; line breaks allowed).</param>
/// <param name="CaseNumber">The related case, if any; must exist and be the customer's (another customer's is 422).</param>
/// <param name="DeviceSerial">The related device, if any; must exist and be the customer's (another customer's is 422), and be
/// the related case's device when the case is about one.</param>
/// <param name="TechnicianId">The technician the complaint is about, if any; must exist. The complaint shows on the technician's record.</param>
public sealed record FileComplaintBody(
    [property: Required, StringLength(Limits.Identifier, MinimumLength = 1), RegularExpression(Limits.IdentifierPattern), Example("\"C-10042\"")] string? CustomerId,
    [property: Required] ComplaintChannel? Channel,
    [property: Required] ComplaintCategory? Category,
    [property: Required] ComplaintSeverity? Severity,
    [property: Required, StringLength(Limits.Description, MinimumLength = 1)] string? Description,
    [property: StringLength(Limits.Identifier, MinimumLength = 1), RegularExpression(Limits.IdentifierPattern)] string? CaseNumber = null,
    [property: StringLength(Limits.Identifier, MinimumLength = 1), RegularExpression(Limits.IdentifierPattern)] string? DeviceSerial = null,
    [property: StringLength(Limits.Identifier, MinimumLength = 1), RegularExpression(Limits.IdentifierPattern)] string? TechnicianId = null)
{
    internal FileComplaintRequest? Validate(ValidationErrors errors, string actor)
    {
        var customerId = errors.RequiredIdentifier("customerId", CustomerId);
        var channel = errors.RequiredValue("channel", Channel);
        var category = errors.RequiredValue("category", Category);
        var severity = errors.RequiredValue("severity", Severity);
        var description = errors.RequiredMultilineText("description", Description, Limits.Description);
        var caseNumber = errors.OptionalIdentifier("caseNumber", CaseNumber);
        var deviceSerial = errors.OptionalIdentifier("deviceSerial", DeviceSerial);
        var technicianId = errors.OptionalIdentifier("technicianId", TechnicianId);
        if (category == ComplaintCategory.TechnicianConduct && TechnicianId is null)
        {
            errors.Add("technicianId", "A complaint about a technician's conduct names the technician.");
        }
        return errors.HasErrors
            ? null
            : new FileComplaintRequest(customerId!, channel!.Value, category!.Value, severity!.Value, description!, caseNumber, deviceSerial, technicianId, actor);
    }
}

/// <summary>The optional body of acknowledge, investigate, approve and confirm.</summary>
/// <param name="Reason">A remark (max 500; line breaks allowed), recorded in the history.</param>
public sealed record ComplaintActionBody([property: StringLength(Limits.Reason)] string? Reason = null);

/// <summary>The body of sendBack and reject: why.</summary>
/// <param name="Reason">Why (max 500; line breaks allowed), recorded in the history: for a send-back what the investigation
/// must still look at, for a rejection what the customer says.</param>
public sealed record ComplaintReasonBody([property: Required, StringLength(Limits.Reason, MinimumLength = 1)] string? Reason);

/// <summary>The investigation's findings, submitted for the mandatory review.</summary>
/// <param name="RootCause">The root cause found (the closed list in docs/COMPLAINTS.md).</param>
/// <param name="CorrectiveAction">What was or will be done so it does not happen again (max 2000; line breaks allowed).</param>
/// <param name="Reason">A remark for the reviewer (max 500), recorded in the history.</param>
public sealed record SubmitFindingsBody(
    [property: Required] RootCauseCategory? RootCause,
    [property: Required, StringLength(ComplaintLimits.CorrectiveAction, MinimumLength = 1)] string? CorrectiveAction,
    [property: StringLength(Limits.Reason)] string? Reason = null);

/// <summary>Raises a complaint's severity.</summary>
/// <param name="Severity">A severity higher than the current one (a lower or equal one is 422).</param>
/// <param name="Reason">Why (max 500; line breaks allowed), recorded in the history.</param>
public sealed record EscalateComplaintBody(
    [property: Required] ComplaintSeverity? Severity,
    [property: Required, StringLength(Limits.Reason, MinimumLength = 1)] string? Reason);
