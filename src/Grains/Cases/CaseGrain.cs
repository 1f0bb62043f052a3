using System.Collections.Immutable;
using AfterSales.Access;
using AfterSales.CaseList;
using AfterSales.Common;
using AfterSales.Customers;
using AfterSales.Departments;
using AfterSales.Diagnostics;
using AfterSales.Devices;
using AfterSales.Domain;
using AfterSales.Domain.Access;
using AfterSales.Domain.CaseList;
using AfterSales.Domain.Routing;
using AfterSales.Models;
using AfterSales.Persistence;
using AfterSales.Routing;
using AfterSales.Technicians;
using Microsoft.Extensions.Logging;

namespace AfterSales.Cases;

/// <summary>
/// One service case: owns its state machine, notes and audit trail, and drives routing through its department.
/// </summary>
/// <remarks>
/// Calls that change other grains (release, offer, start, submit) are idempotent and run before the case changes
/// its own state, so a failure leaves the case as stored and a retry of the command completes it; only the one-way
/// withdraw runs after the write. The case awaits a department only while it is not queued there (open, reroute
/// after reopen, escalate/transfer to another department), which keeps calls cycle-free; departments await the case
/// (OnAssigned, OnReturned) only while it waits in their queue. A case accepts one technician at a time, and only
/// from the department it belongs to: that is what makes a department's retry after an unknown outcome safe.
/// </remarks>
internal sealed partial class CaseGrain(
    [PersistentState("case", StorageNames.Main)] IPersistentState<CaseState> state,
    IEventLog events,
    RoutingPolicyCache policies,
    ShardCounts shards,
    ProductModelCache models,
    ICaseFeed feed,
    AfterSalesMetrics metrics,
    TimeProvider time,
    ILogger<CaseGrain> logger) : Grain, ICaseGrain
{
    internal const int MaxHistoryPage = 1000;
    internal const int MaxNotes = FieldLimits.NotesPerCase;
    internal const int MaxNoteLength = FieldLimits.NoteText;
    internal const int MaxDecisions = 20;
    internal const int MaxReasonLength = FieldLimits.Reason;
    private const int MaxSubjectLength = FieldLimits.Subject;
    private const int MaxDescriptionLength = FieldLimits.Description;
    private const int MaxCategoryLength = FieldLimits.Category;
    private const string SystemActor = "system";

    private string Number => field ??= this.GetPrimaryKeyString();

    private CaseState S => state.State;

    // The notes in id order, built once per change (every answer carries them).
    private ImmutableArray<CaseNote>? _notes;

    // A problem's children in link order, built once per change.
    private ImmutableArray<string>? _children;

    public async Task<Result<CaseSnapshot>> OpenAsync(OpenCaseRequest request)
    {
        if (S.Opened)
        {
            if (request.RequestHash is null || request.RequestHash != S.RequestHash)
            {
                return CommandError.Conflict($"Case {Number} already exists.");
            }
            await CompleteRoutingAsync();
            await TellDeviceAsync(request.Actor);
            await AfterOpenAsync();
            return Result.Replay(await SnapshotAsync());
        }
        if ((ValidateOpen(request) ?? ValidateInstallation(request) ?? ValidateMaintenance(request)) is { } invalid)
        {
            return invalid;
        }
        var customer = await GrainFactory.GetGrain<ICustomerGrain>(request.CustomerId).GetAsync();
        if (customer is null)
        {
            return CommandError.NotFound($"Customer {request.CustomerId} does not exist.", "customerId");
        }
        string? model = null;
        CaseEquipment? equipment = null;
        if (request.DeviceSerial is { } serial)
        {
            var device = await GrainFactory.GetGrain<IDeviceGrain>(serial).GetAsync();
            if (device is null)
            {
                return CommandError.NotFound($"Device {serial} does not exist.", "deviceSerial");
            }
            if (device.CustomerId != request.CustomerId)
            {
                return CommandError.Invalid("deviceSerial", $"Device {serial} belongs to another customer.");
            }
            model = device.Model;
            equipment = await EquipmentAtOpenAsync(request.Type, device);
        }
        var (faultCode, wrongCode) = await FaultCodeOfAsync(request, model);
        if (wrongCode is not null)
        {
            return wrongCode;
        }

        var triage = Triage.Route(request.Type, customer.Region);
        var now = time.GetUtcNow();
        S.Opened = true;
        S.Type = request.Type;
        S.Priority = request.Priority;
        S.Channel = request.Channel;
        S.Status = CaseStatus.New;
        S.CustomerId = request.CustomerId;
        S.DeviceSerial = request.DeviceSerial;
        S.DeviceModel = model;
        S.Category = string.IsNullOrWhiteSpace(request.Category) ? null : request.Category.Trim();
        S.FaultCode = faultCode;
        S.Subject = request.Subject.Trim();
        S.Description = request.Description;
        S.Department = triage.Department;
        S.Region = triage.Region;
        S.CreatedAt = now;
        S.IdempotencyKey = request.IdempotencyKey;
        S.RequestHash = request.RequestHash;
        StartSla(customer.Tier);
        // Customer affinity: the technician of the customer's most recent other case, preferred when eligible.
        S.PreferredTechnicianId = customer.RecentCases.IsDefault
            ? null
            : customer.RecentCases.FirstOrDefault(c => c.Number != Number && c.AssignedTechnicianId is not null)?.AssignedTechnicianId;
        var actor = ActorOf(request.Actor);
        Record(now, actor, CaseEventKinds.Opened, null, CaseStatus.New,
            $"{CamelNames.Of(S.Type)}, {CamelNames.Of(S.Priority)} priority, via {CamelNames.Of(S.Channel)}; triaged to {DepartmentKey}");
        RecordEquipment(now, equipment);
        OpenInstallation(request, now, actor);
        OpenMaintenance(request, now, actor);
        // One write, after routing: a case is stored assigned or queued, never half-routed. If routing is cut off
        // (a crash, a timeout), nothing of the case is stored and the client has no answer; what the department or a
        // technician did meanwhile heals by itself (a queue entry whose case does not exist is dropped, a technician
        // releases an assignment its case never took), and a retry with the same Idempotency-Key routes it again.
        var routed = await SubmitAsync(Department());
        ApplyRouting(time.GetUtcNow(), routed);
        await CommitWithSummaryAsync(time.GetUtcNow());
        logger.CaseOpened(Number, DepartmentKey);
        await TellDeviceAsync(actor);
        await AfterOpenAsync();
        return Result.Ok(await SnapshotAsync());
    }

    public async Task<CaseSnapshot?> GetAsync() => S.Opened ? await SnapshotAsync() : null;

    public async Task<CaseSnapshot?> GetForAsync(CallerScope caller) =>
        S.Opened && CallerAccess.CanSeeCase(caller, new CaseOwners(S.CustomerId, DepartmentNames.ToSlug(S.Department), S.Region, S.AssignedTechnicianId))
            ? await SnapshotAsync()
            : null;

    public async Task<Result<CaseSnapshot>> ApplyAsync(CaseCommand command)
    {
        if (Precheck(command.ExpectedVersion) is { } refused)
        {
            return refused;
        }
        if (!Enum.IsDefined(command.Action))
        {
            return CommandError.Invalid("action", "Action must be start, wait, resume, resolve, close, reopen or cancel.");
        }
        var transition = CaseStateMachine.Apply(S.Status, command.Action, command.Summary);
        if (!transition.IsAllowed)
        {
            return transition.IsInvalidInput
                ? CommandError.Invalid(transition.ErrorField!, transition.Error!)
                : CommandError.Conflict(transition.Error!, [.. transition.Allowed.Select(CamelNames.Of)]);
        }
        // Validates the solution and resolves a problem's children: calls to other grains, before any change here.
        var resolution = await PrepareResolutionAsync(command);
        if (resolution.Error is { } wrongResolution)
        {
            return wrongResolution;
        }

        var actor = ActorOf(command.Actor);
        var from = S.Status;
        var withdraw = false;
        switch (command.Action)
        {
            case CaseAction.Start:
                // The technician keeps started cases when it goes off shift; it must know before the case says so.
                if (S.AssignedTechnicianId is { } technicianId && !await Technician(technicianId).MarkStartedAsync(Number))
                {
                    return CommandError.Conflict(
                        $"Technician {technicianId} no longer holds case {Number} (it went off shift); the case is going back to the queue.");
                }
                break;
            case CaseAction.Resolve:
                await ReleaseTechnicianAsync();
                break;
            case CaseAction.Cancel:
                withdraw = S.Queued;
                await ReleaseTechnicianAsync();
                break;
        }

        var now = time.GetUtcNow();
        switch (command.Action)
        {
            case CaseAction.Start:
                S.FirstResponseAt ??= now;
                break;
            case CaseAction.Resolve:
                S.ResolutionSummary = command.Summary!.Trim();
                S.ResolvedAt = now;
                break;
            case CaseAction.Close:
                S.ClosedAt = now;
                break;
            case CaseAction.Cancel:
                S.Queued = false;
                break;
        }

        if (command.Action == CaseAction.Reopen)
        {
            await ReopenAsync(now, actor, command.Reason);
        }
        else
        {
            Record(now, actor, CaseEventKinds.Of(command.Action), from, transition.To,
                command.Action == CaseAction.Resolve ? S.ResolutionSummary : command.Reason);
            S.Status = transition.To;
        }
        RecordResolution(now, actor, command.Action, resolution);
        await CommitWithSurveyAsync(now, command.Action == CaseAction.Resolve
            ? IssueSurvey(Surveys.SurveyTrigger.Resolution, S.ReopenCount + 1, S.AssignedTechnicianId, now, actor)
            : null);
        if (withdraw)
        {
            await Department().WithdrawAsync(Number);
        }
        await TellDeviceAsync(actor);
        await RecordSummaryAsync();
        await AfterResolutionAsync(command.Action, actor, resolution);
        return Result.Ok(await SnapshotAsync());
    }

    public async Task<Result<CaseSnapshot>> AddNoteAsync(AddNoteCommand command)
    {
        if (Precheck(command.ExpectedVersion) is { } refused)
        {
            return refused;
        }
        if (string.IsNullOrWhiteSpace(command.Text) || command.Text.Length > MaxNoteLength)
        {
            return CommandError.Invalid("text", $"A note needs 1 to {MaxNoteLength} characters of text.");
        }
        if (!Enum.IsDefined(command.Visibility))
        {
            return CommandError.Invalid("visibility", "Visibility must be internal or customer.");
        }
        if (S.Notes.Count >= MaxNotes)
        {
            return CommandError.Conflict($"Case {Number} already holds {MaxNotes} notes, the most a case keeps.");
        }

        var now = time.GetUtcNow();
        var actor = ActorOf(command.Actor);
        var note = new CaseNote(++S.LastNoteId, command.Text, command.Visibility, actor, now);
        S.Notes.Set(NoteKey(note.Id), note);
        _notes = null;
        if (command.Visibility == NoteVisibility.Customer)
        {
            S.FirstResponseAt ??= now;
            NoteCustomerUpdate(now);
        }
        Record(now, actor, CaseEventKinds.Note, null, null, $"{CamelNames.Of(note.Visibility)} note {note.Id}");
        await CommitAsync(now);
        return Result.Ok(await SnapshotAsync());
    }

    /// <summary>True while the assigned technician holds the case (assigned, in progress, waiting for the customer).</summary>
    private bool Holding => S.Status is CaseStatus.Assigned or CaseStatus.InProgress or CaseStatus.WaitingForCustomer;

    private CommandError? Precheck(int? expectedVersion)
    {
        if (!S.Opened)
        {
            return CommandError.NotFound($"Case {Number} does not exist.");
        }
        if (expectedVersion is { } expected && expected != S.Version)
        {
            return CommandError.StaleVersion(expected, S.Version);
        }
        return null;
    }

    private static CommandError? ValidateOpen(OpenCaseRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.CustomerId))
        {
            return CommandError.Invalid("customerId", "A case needs a customer.");
        }
        if (!Enum.IsDefined(request.Type))
        {
            return CommandError.Invalid("type", $"Type must be {CamelNames.OneOf<CaseType>()}.");
        }
        if (!Enum.IsDefined(request.Priority))
        {
            return CommandError.Invalid("priority", "Priority must be urgent, high, normal or low.");
        }
        if (!Enum.IsDefined(request.Channel))
        {
            return CommandError.Invalid("channel", "Channel must be phone, web, email, api or system.");
        }
        if (string.IsNullOrWhiteSpace(request.Subject) || request.Subject.Length > MaxSubjectLength)
        {
            return CommandError.Invalid("subject", $"A case needs a subject of 1 to {MaxSubjectLength} characters.");
        }
        if (request.Description is null || request.Description.Length > MaxDescriptionLength)
        {
            return CommandError.Invalid("description", $"A description has at most {MaxDescriptionLength} characters.");
        }
        if (request.DeviceSerial is { } serial && string.IsNullOrWhiteSpace(serial))
        {
            return CommandError.Invalid("deviceSerial", "A device serial cannot be blank.");
        }
        if (request.Category is { } category && (string.IsNullOrWhiteSpace(category) || category.Length > MaxCategoryLength))
        {
            return CommandError.Invalid("category", $"A category has 1 to {MaxCategoryLength} characters.");
        }
        return null;
    }

    private async Task CommitAsync(DateTimeOffset now)
    {
        // Version and time first, before any await: CommitWithSummaryAsync reads them for the summary it sends alongside.
        S.Version++;
        S.UpdatedAt = now;
        await UpdateSlaAsync(now);
        var schedule = PlanSlaSchedule();
        S.Events.AmendLast(e => CaseEventData.WithFacts(e, ListFacts()));
        var committed = S.Events.Pending.ToImmutableArray();
        // The SLA instant is registered beside the write, not after it: the bucket's write shares the storage's commit.
        var registering = RegisterSlaAsync(schedule.Add);
        try
        {
            await state.WriteOrResetAsync(this);
        }
        finally
        {
            await registering;
        }
        feed.Publish(Number, committed);
        metrics.Committed(committed, S.Department, S.Region);
        UnregisterSla(schedule.Remove);
    }

    /// <summary>Writes the new case and the customer's summary of it side by side rather than one after the other: the
    /// storage commits both in one group, so a creation waits for one durable commit after routing instead of two (the
    /// tail of intake at 500/s was the sum of the two). The summary is computed after the case's version and time are
    /// set. If the case's write fails, the summary is taken back (best effort, like the summary itself) before the
    /// failure reaches the client, so the customer does not list a case that was never stored.</summary>
    private async Task CommitWithSummaryAsync(DateTimeOffset now)
    {
        var commit = CommitAsync(now);
        var summary = RecordSummaryAsync();
        try
        {
            await commit;
        }
        catch
        {
            await summary;
            await ForgetSummaryAsync();
            throw;
        }
        await summary;
    }

    private async Task ForgetSummaryAsync()
    {
        if (S.CustomerId.Length == 0)
        {
            return;
        }
        try
        {
            await GrainFactory.GetGrain<ICustomerGrain>(S.CustomerId).ForgetCaseAsync(Number);
        }
        catch (Exception exception)
        {
            logger.SummaryFailed(exception, S.CustomerId, Number);
        }
    }

    /// <summary>Keeps the customer's recent-case list current. It is a read model: a failure is logged, not
    /// surfaced, because the case change itself is already durable.</summary>
    private async Task RecordSummaryAsync()
    {
        if (S.CustomerId.Length == 0)
        {
            // A problem detection opened belongs to no customer.
            return;
        }
        try
        {
            await GrainFactory.GetGrain<ICustomerGrain>(S.CustomerId).RecordCaseAsync(Summary());
        }
        catch (Exception exception)
        {
            logger.SummaryFailed(exception, S.CustomerId, Number);
        }
    }

    /// <summary>Sends the summary one-way: for a change a department makes (a hand-over, a return), which no client waits
    /// for, the department need not wait for the customer's write (best effort either way, like
    /// <see cref="RecordSummaryAsync"/>).</summary>
    private Task NoteSummaryAsync() => GrainFactory.GetGrain<ICustomerGrain>(S.CustomerId).NoteCaseAsync(Summary());

    private CaseSummary Summary() => new(Number, S.Type, S.Priority, S.Status, S.Subject, S.CreatedAt, S.UpdatedAt, S.AssignedTechnicianId);

    private string DepartmentKey => GrainKeys.DepartmentRegion(S.Department, S.Region);

    /// <summary>The shard of the case's department-region that decides for it and queues it (the department-region
    /// key itself when the department is not sharded).</summary>
    private string HomeKey => shards.HomeOf(S.Department, S.Region, Number);

    private IDepartmentGrain Department() => GrainFactory.GetGrain<IDepartmentGrain>(HomeKey);

    private ITechnicianGrain Technician(string technicianId) => GrainFactory.GetGrain<ITechnicianGrain>(technicianId);

    private static string ActorOf(string? actor) => string.IsNullOrWhiteSpace(actor) ? "anonymous" : actor.Trim();

    private CaseSnapshot ToSnapshot() => new(
        Number, S.Type, S.Priority, S.Channel, S.Status, S.CustomerId, S.DeviceSerial, S.Subject, S.Description,
        S.Department, S.Region, S.AssignedTechnicianId, _notes ??= [.. S.Notes.Values.OrderBy(n => n.Id)], S.ResolutionSummary, S.CreatedAt,
        S.FirstResponseAt, S.ResolvedAt, S.ClosedAt, S.UpdatedAt, S.ReopenCount,
        CaseStateMachine.AllowedActions(S.Status), S.Version)
    {
        Category = S.Category,
        Waiting = S.Queued ? S.Waiting : null,
        Entitlement = S.Entitlement,
        InstallationWindow = S.InstallationWindow,
        RelatedCases = [.. S.RelatedCases],
        ShipmentId = S.ShipmentId,
        FaultCode = S.FaultCode,
        SolutionId = S.SolutionId,
        ProposedSolution = S.ProposedSolution,
        Problem = S.Problem,
        Children = _children ??= [.. S.Children.Values.OrderBy(c => c.Order).Select(c => c.CaseNumber)],
        Scope = S.Scope,
        Visits = VisitList,
        Maintenance = S.Maintenance,
        Surveys = SurveyViews(),
    };
}
