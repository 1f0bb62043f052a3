using System.Collections.Immutable;
using AfterSales.Bench.Stats;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Customers;
using AfterSales.Departments;
using AfterSales.Domain;
using AfterSales.Silo.Hosting;
using AfterSales.Technicians;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AfterSales.Bench.Drivers.InProc;

/// <summary>Calls the grains directly through <see cref="IGrainFactory"/> in a silo hosted in this process,
/// the same way the API's handlers do, so the difference to an HTTP run is the HTTP cost.</summary>
internal sealed class InProcTarget : IBenchTarget, IDecisionTarget
{
    private const string Actor = "bench";

    private readonly IHost _host;
    private readonly IGrainFactory _grains;
    private readonly string _dataRoot;
    private readonly bool _keepData;
    private readonly bool _idempotencyKeys;

    private InProcTarget(IHost host, string dataRoot, bool keepData, bool idempotencyKeys, string description)
    {
        _host = host;
        _grains = host.Services.GetRequiredService<IGrainFactory>();
        _dataRoot = dataRoot;
        _keepData = keepData;
        _idempotencyKeys = idempotencyKeys;
        StorageCounts = host.Services.GetRequiredService<GrainStorageCounts>();
        Description = description;
    }

    public string Description { get; }

    public bool HasCeiling => false;

    public TimeSpan? ServerProcessorTime => null;

    public GrainStorageCounts? StorageCounts { get; }

    /// <summary>The silo's grain factory, for scenarios that call grains the common target methods do not cover.</summary>
    public IGrainFactory Grains => _grains;

    /// <summary>The silo's services.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>The stand-in devices of the maintenance scenario, when the silo was started with them.</summary>
    public MaintenanceSink? MaintenanceSink => _host.Services.GetService<MaintenanceSink>();

    /// <summary>Starts a silo with the project's hosting entry point in a temp data folder.</summary>
    /// <param name="idempotencyKeys">Claim an idempotency key for every case created, as the API does for a request
    /// that carries one.</param>
    public static async Task<InProcTarget> StartAsync(InProcSiloSettings settings, bool idempotencyKeys, CancellationToken cancellationToken)
    {
        var dataRoot = Directory.CreateTempSubdirectory("aftersales-bench-").FullName;
        var host = InProcSilo.Build(settings, Path.Combine(dataRoot, "data"));
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            host.Dispose();
            throw;
        }
        var storage = settings.MemoryStorage
            ? "memory grain store (state, rows and events serialized, no I/O)"
            : $"storage {host.Services.GetService<HostingSummary>()?.Storage.Replace(dataRoot, "<temp>", StringComparison.Ordinal) ?? "as configured"}";
        return new InProcTarget(host, dataRoot, settings.KeepData, idempotencyKeys,
            $"in-process silo, {storage}{(idempotencyKeys ? ", an idempotency key claimed per case" : "")}");
    }

    public async Task<CallResult> RegisterCustomerAsync(CustomerSeed customer, CancellationToken cancellationToken)
    {
        var request = new RegisterCustomerRequest(customer.Name, [customer.Phone], [customer.Email], customer.Region, customer.Tier, customer.Language);
        return ToResult(await _grains.GetGrain<ICustomerGrain>(customer.Id).RegisterAsync(request).WaitAsync(cancellationToken));
    }

    public async Task<CallResult> RegisterTechnicianAsync(TechnicianSeed technician, CancellationToken cancellationToken)
    {
        var request = new RegisterTechnicianRequest(technician.Name, technician.Department, technician.Region,
            [new Skill(technician.Skill, technician.SkillLevel)], technician.Capacity, technician.OnShift);
        return ToResult(await _grains.GetGrain<ITechnicianGrain>(technician.Id).RegisterAsync(request).WaitAsync(cancellationToken));
    }

    public async Task<CallResult<CreatedCase>> OpenCaseAsync(CaseSeed request, CancellationToken cancellationToken)
    {
        var open = new OpenCaseRequest(request.CustomerId, request.Type, request.Priority, request.Channel,
            request.Subject, request.Description, DeviceSerial: null, Actor);
        string number;
        if (_idempotencyKeys)
        {
            // What the API does with an Idempotency-Key: claim it for the request's hash (the first claim takes the
            // number), then open the number it binds.
            var key = Guid.CreateVersion7().ToString("N");
            var hash = $"bench-{key}";
            var claim = await _grains.GetGrain<IIdempotencyGrain>(GrainKeys.Idempotency("cases", key)).ClaimCaseNumberAsync(hash).WaitAsync(cancellationToken);
            number = claim.ResourceId;
            open = open with { IdempotencyKey = key, RequestHash = hash };
        }
        else
        {
            number = await _grains.GetGrain<ICaseNumberGrain>(0).NextAsync().WaitAsync(cancellationToken);
        }
        var result = await _grains.GetGrain<ICaseGrain>(number).OpenAsync(open).WaitAsync(cancellationToken);
        return result.Value is { } snapshot
            ? CallResult<CreatedCase>.Ok(new CreatedCase(snapshot.Number, snapshot.Status, snapshot.AssignedTechnicianId))
            : Failure(result.Error);
    }

    public async Task<CallResult> ApplyAsync(string caseNumber, CaseAction action, string? summary, CancellationToken cancellationToken)
    {
        var command = new CaseCommand(action, Actor, Summary: action == CaseAction.Resolve ? summary ?? "Resolved." : null);
        return ToResult(await _grains.GetGrain<ICaseGrain>(caseNumber).ApplyAsync(command).WaitAsync(cancellationToken));
    }

    public async Task<CallResult> GetCaseAsync(string caseNumber, CancellationToken cancellationToken) =>
        await _grains.GetGrain<ICaseGrain>(caseNumber).GetAsync().WaitAsync(cancellationToken) is null
            ? CallResult.Fail("NotFound", $"case {caseNumber}")
            : CallResult.Ok;

    public async Task<CallResult<int>> GetTechnicianLoadAsync(string technicianId, CancellationToken cancellationToken) =>
        await _grains.GetGrain<ITechnicianGrain>(technicianId).GetAsync().WaitAsync(cancellationToken) is { } technician
            ? CallResult<int>.Ok(technician.Load)
            : CallResult<int>.Fail("NotFound", $"technician {technicianId}");

    public async Task<CallResult<TechnicianView?>> GetTechnicianAsync(string technicianId, int? knownVersion, CancellationToken cancellationToken)
    {
        var technician = await _grains.GetGrain<ITechnicianGrain>(technicianId).GetAsync().WaitAsync(cancellationToken);
        if (technician is null)
        {
            return CallResult<TechnicianView?>.Fail("NotFound", $"technician {technicianId}");
        }
        return CallResult<TechnicianView?>.Ok(technician.Version == knownVersion
            ? null
            : new TechnicianView(technician.Version, technician.Load, [.. technician.Assignments.Select(a => a.CaseNumber)]));
    }

    public async Task<CallResult> SetShiftAsync(string technicianId, bool onShift, CancellationToken cancellationToken) =>
        ToResult(await _grains.GetGrain<ITechnicianGrain>(technicianId).SetShiftAsync(onShift).WaitAsync(cancellationToken));

    public async Task<CallResult> AddNoteAsync(string caseNumber, string text, CancellationToken cancellationToken) =>
        ToResult(await _grains.GetGrain<ICaseGrain>(caseNumber).AddNoteAsync(new AddNoteCommand(text, NoteVisibility.Internal, Actor))
            .WaitAsync(cancellationToken));

    public async Task<CallResult<int>> GetLastEventSequenceAsync(string caseNumber, CancellationToken cancellationToken) =>
        await _grains.GetGrain<ICaseGrain>(caseNumber).GetHistoryAsync(0, 1).WaitAsync(cancellationToken) is { } page
            ? CallResult<int>.Ok(page.LastSequence)
            : CallResult<int>.Fail("NotFound", $"case {caseNumber}");

    public Task<CallResult> PingAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException("The plaintext ceiling is an HTTP measurement.");

    public async Task<CallResult<string?>> SubmitTicketAsync(string caseNumber, CaseSeed request, string region, CancellationToken cancellationToken)
    {
        // The grains' own triage table and weights, so a ticket is exactly what the case grain would submit.
        var department = Triage.DepartmentFor(request.Type);
        var ticket = new CaseTicket(caseNumber, request.Type, request.Priority, Triage.WeightOf(request.Type), request.CustomerId, DateTimeOffset.UtcNow);
        // The same protocol as the case grain: the department decides and reserves, the caller claims at the technician.
        var outcome = await CaseRouter.RouteAsync(_grains, _grains.GetGrain<IDepartmentGrain>(GrainKeys.DepartmentRegion(department, region)), ticket)
            .WaitAsync(cancellationToken);
        return CallResult<string?>.Ok(outcome.TechnicianId);
    }

    public async Task<CallResult> ReleaseAsync(string technicianId, string caseNumber, CancellationToken cancellationToken)
    {
        await _grains.GetGrain<ITechnicianGrain>(technicianId).ReleaseAsync(caseNumber).WaitAsync(cancellationToken);
        return CallResult.Ok;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _host.StopAsync(stop.Token);
        }
        finally
        {
            _host.Dispose();
            if (!_keepData)
            {
                try
                {
                    Directory.Delete(_dataRoot, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }
    }

    private static CallResult ToResult<T>(Result<T> result) where T : class =>
        result.Error is null ? CallResult.Ok : Failure(result.Error);

    private static CallResult Failure(CommandError? error) =>
        CallResult.Fail(error?.Kind.ToString() ?? "NoValue", error?.Message);
}
