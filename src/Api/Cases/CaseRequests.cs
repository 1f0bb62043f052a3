using System.ComponentModel.DataAnnotations;
using AfterSales.Api.Validation;
using AfterSales.Cases;

namespace AfterSales.Api.Cases;

/// <summary>Resolves a case.</summary>
/// <param name="Summary">What was done (max 2000; line breaks allowed).</param>
/// <param name="SolutionId">A case with a fault code: the id of the known solution that worked (one of its <c>knownSolutions</c>,
/// else 422); it is counted on the model.</param>
/// <param name="NewSolution">A case with a fault code: a solution the model does not know yet (max 2000; line breaks allowed),
/// listed at <c>GET /api/models/{code}/proposed-solutions</c> for a supervisor to adopt. Not together with <c>solutionId</c>.</param>
/// <param name="ResolveChildren">A problem: also resolve its open children with this summary (each through its own lifecycle;
/// children already resolved, closed or cancelled are left, and so are new ones nobody holds yet). Default false.</param>
public sealed record ResolveCaseRequest(
    [property: Required, StringLength(Limits.Summary, MinimumLength = 1)] string Summary,
    [property: StringLength(Limits.Identifier, MinimumLength = 1), RegularExpression(Limits.IdentifierPattern)] string? SolutionId = null,
    [property: StringLength(Limits.Summary, MinimumLength = 1)] string? NewSolution = null,
    bool? ResolveChildren = null);

/// <summary>Links a case to a problem as its child.</summary>
/// <param name="CaseNumber">The case that becomes a child of the problem; it must not have a problem already, nor be the problem or a
/// problem above it.</param>
public sealed record LinkChildRequest(
    [property: Required, StringLength(Limits.Identifier, MinimumLength = 1), RegularExpression(Limits.IdentifierPattern)] string CaseNumber);

/// <summary>The optional body of the other state actions.</summary>
/// <param name="Reason">Why (max 500), recorded in the case history.</param>
public sealed record CaseActionRequest([property: StringLength(Limits.Reason)] string? Reason = null);

/// <summary>Adds a note to a case.</summary>
/// <param name="Text">The note (max 4000; line breaks allowed).</param>
/// <param name="Visibility"><c>internal</c> (staff only) or <c>customer</c> (shown to the customer too).</param>
public sealed record AddNoteRequest(
    [property: Required, StringLength(Limits.NoteText, MinimumLength = 1)] string Text,
    [property: Required] NoteVisibility? Visibility);
