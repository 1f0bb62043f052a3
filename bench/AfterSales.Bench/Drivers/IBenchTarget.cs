using AfterSales.Bench.Stats;
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

    /// <summary>The technician's version, load and held cases; the value is null when its version is still
    /// <paramref name="knownVersion"/> (over HTTP a conditional GET answered 304), so waiting for a change is cheap.</summary>
    Task<CallResult<TechnicianView?>> GetTechnicianAsync(string technicianId, int? knownVersion, CancellationToken cancellationToken);

    /// <summary>Puts a technician on or off shift.</summary>
    Task<CallResult> SetShiftAsync(string technicianId, bool onShift, CancellationToken cancellationToken);

    /// <summary>Adds an internal note to a case.</summary>
    Task<CallResult> AddNoteAsync(string caseNumber, string text, CancellationToken cancellationToken);

    /// <summary>The sequence of a case's latest event, i.e. how many events its journal holds.</summary>
    Task<CallResult<int>> GetLastEventSequenceAsync(string caseNumber, CancellationToken cancellationToken);

    /// <summary>Grain-storage calls by state name since the silo started; null when the silo runs in another process.</summary>
    GrainStorageCounts? StorageCounts { get; }

    /// <summary>The plaintext ceiling request; only when <see cref="HasCeiling"/>.</summary>
    Task<CallResult> PingAsync(CancellationToken cancellationToken);
}
