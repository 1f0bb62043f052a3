using AfterSales.Cases;

namespace AfterSales.Bench.Drivers;

/// <summary>In-process only: hands a case ticket straight to its department-region grain, so the routing
/// decision (department → technician → reply) is measured without creating a case.</summary>
internal interface IDecisionTarget
{
    /// <summary>Submits a ticket for a case that exists only as a number; returns the chosen technician, or
    /// null when the department queued it.</summary>
    Task<CallResult<string?>> SubmitTicketAsync(string caseNumber, CaseSeed request, string region, CancellationToken cancellationToken);

    /// <summary>Releases a case at the technician that holds it (what resolving the case would do).</summary>
    Task<CallResult> ReleaseAsync(string technicianId, string caseNumber, CancellationToken cancellationToken);
}
