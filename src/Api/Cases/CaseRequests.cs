using System.ComponentModel.DataAnnotations;
using AfterSales.Api.Validation;
using AfterSales.Cases;

namespace AfterSales.Api.Cases;

/// <summary>Resolves a case.</summary>
/// <param name="Summary">What was done (max 2000; line breaks allowed).</param>
public sealed record ResolveCaseRequest([property: Required, StringLength(Limits.Summary, MinimumLength = 1)] string Summary);

/// <summary>The optional body of the other state actions.</summary>
/// <param name="Reason">Why (max 500), recorded in the case history.</param>
public sealed record CaseActionRequest([property: StringLength(Limits.Reason)] string? Reason = null);

/// <summary>Adds a note to a case.</summary>
/// <param name="Text">The note (max 4000; line breaks allowed).</param>
/// <param name="Visibility"><c>internal</c> (staff only) or <c>customer</c> (shown to the customer too).</param>
public sealed record AddNoteRequest(
    [property: Required, StringLength(Limits.NoteText, MinimumLength = 1)] string Text,
    [property: Required] NoteVisibility? Visibility);
