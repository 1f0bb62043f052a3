using AfterSales.Cases;

namespace AfterSales.Bench.Drivers;

/// <summary>The system under test, reached over HTTP or by grain calls; scenarios are written against this
/// so every scenario runs in every mode. Implementations never throw for a refused or failed call: they
/// return a <see cref="CallResult"/> with an error key.</summary>
internal interface IBenchTarget : IAsyncDisposable
{
    /// <summary>One line saying what is being measured (URL or in-process silo, storage).</summary>
    string Description { get; }

    /// <summary>True when the plaintext ceiling (<c>GET /ping</c>) can be measured against this target.</summary>
    bool HasCeiling { get; }

    /// <summary>CPU time used so far by the server process the bench started; null when the system under test runs
    /// in the bench's own process or was started by someone else.</summary>
    TimeSpan? ServerProcessorTime { get; }

    Task<CallResult> RegisterCustomerAsync(CustomerSeed customer, CancellationToken cancellationToken);

    Task<CallResult> RegisterTechnicianAsync(TechnicianSeed technician, CancellationToken cancellationToken);

    Task<CallResult<CreatedCase>> OpenCaseAsync(CaseSeed request, CancellationToken cancellationToken);

    /// <summary>A state action on a case; <paramref name="summary"/> is sent with <see cref="CaseAction.Resolve"/>.</summary>
    Task<CallResult> ApplyAsync(string caseNumber, CaseAction action, string? summary, CancellationToken cancellationToken);

    Task<CallResult> GetCaseAsync(string caseNumber, CancellationToken cancellationToken);

    /// <summary>Capacity units a technician has in use.</summary>
    Task<CallResult<int>> GetTechnicianLoadAsync(string technicianId, CancellationToken cancellationToken);

    /// <summary>The plaintext ceiling request; only when <see cref="HasCeiling"/>.</summary>
    Task<CallResult> PingAsync(CancellationToken cancellationToken);
}
