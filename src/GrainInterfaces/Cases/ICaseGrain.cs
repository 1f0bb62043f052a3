using System.Collections.Immutable;
using AfterSales.Common;

namespace AfterSales.Cases;

/// <summary>One service case (key: case number such as <c>AS-2026-000123</c>); owns its state machine and audit trail.</summary>
[Alias("AfterSales.ICaseGrain")]
public interface ICaseGrain : IGrainWithStringKey
{
    /// <summary>Opens the case: triages it to a department in the customer's region and routes it there.
    /// A repeat with the same request hash is a replay.</summary>
    [Alias("Open")]
    Task<Result<CaseSnapshot>> OpenAsync(OpenCaseRequest request);

    /// <summary>The case, or null when no case has this number.</summary>
    [Alias("Get"), ReadOnly]
    Task<CaseSnapshot?> GetAsync();

    /// <summary>The audit trail, oldest first; null when no case has this number.</summary>
    [Alias("GetHistory"), ReadOnly]
    Task<ImmutableArray<CaseEvent>?> GetHistoryAsync();

    /// <summary>Applies a state action; an illegal one is refused with the current state and the allowed actions.</summary>
    [Alias("Apply")]
    Task<Result<CaseSnapshot>> ApplyAsync(CaseCommand command);

    /// <summary>Adds an internal or customer-visible note.</summary>
    [Alias("AddNote")]
    Task<Result<CaseSnapshot>> AddNoteAsync(AddNoteCommand command);

    /// <summary>A department assigned this queued case. Returns false when the case no longer wants it
    /// (cancelled, or already assigned to someone else), so the department releases the technician.</summary>
    [Alias("OnAssigned")]
    Task<bool> OnAssignedAsync(DepartmentAssignment assignment);
}
