using System.ComponentModel.DataAnnotations;
using AfterSales.Api.Validation;
using AfterSales.Common;

namespace AfterSales.Api.Cases;

/// <summary>Escalates a customer-service case to technical-support (tier 2) in the same region.</summary>
/// <param name="Reason">Why (required, max 500; line breaks allowed), recorded in the case history.</param>
public sealed record EscalationRequest([property: Required, StringLength(Limits.Reason, MinimumLength = 1)] string Reason);

/// <summary>Hands a case to another department of its region, which routes it.</summary>
/// <param name="Department">The department that takes the case; not the one it is in.</param>
/// <param name="Reason">Why (required, max 500; line breaks allowed), recorded in the case history.</param>
public sealed record TransferRequest(
    [property: Required] Department? Department,
    [property: Required, StringLength(Limits.Reason, MinimumLength = 1)] string Reason);

/// <summary>A supervisor assigns a case to a technician of their choice. Skills are the supervisor's call; the
/// technician still refuses when off shift, away or without enough free capacity.</summary>
/// <param name="TechnicianId">The technician who takes the case; in another department or region, the case moves there.</param>
/// <param name="Reason">Why (required, max 500; line breaks allowed), recorded in the case history.</param>
public sealed record ManualAssignmentRequest(
    [property: Required, StringLength(Limits.Identifier, MinimumLength = 1), RegularExpression(Limits.IdentifierPattern)] string TechnicianId,
    [property: Required, StringLength(Limits.Reason, MinimumLength = 1)] string Reason);

/// <summary>Sets a case's priority. The SLA targets follow the new priority (its rule is chosen again) and a queued case
/// takes its new place in the queue.</summary>
/// <param name="Priority">The new priority; not the one the case has.</param>
/// <param name="Reason">Why (required, max 500; line breaks allowed), recorded in the case history.</param>
public sealed record PriorityChangeRequest(
    [property: Required] AfterSales.Cases.CasePriority? Priority,
    [property: Required, StringLength(Limits.Reason, MinimumLength = 1)] string Reason);
