using System.Collections.Immutable;
using AfterSales.Common;
using AfterSales.Customers;
using AfterSales.Devices;
using AfterSales.Domain;
using AfterSales.Staff;
using Microsoft.Extensions.Logging;

namespace AfterSales.Cases;

/// <summary>
/// One service case: owns its state machine, notes and audit trail, and drives routing through its department.
/// </summary>
/// <remarks>
/// Calls that change other grains (release, offer, submit) are idempotent and run before the case changes its
/// own state, so a failure leaves the case as stored and a retry of the command completes it; only the one-way
/// withdraw runs after the write. The case awaits its department only while it is not queued there (open,
/// reroute after reopen), which keeps calls cycle-free.
/// </remarks>
internal sealed class CaseGrain(
    [PersistentState("case", StorageNames.Main)] IPersistentState<CaseState> state,
    TimeProvider time,
    ILogger<CaseGrain> logger) : Grain, ICaseGrain
{
    internal const int MaxHistory = 1000;
    internal const int MaxNotes = 200;
    internal const int MaxNoteLength = 4000;
    private const int MaxSubjectLength = 500;
    private const int MaxDescriptionLength = 20_000;
    private const string SystemActor = "system";

    private string Number => this.GetPrimaryKeyString();

    private CaseState S => state.State;

    public async Task<Result<CaseSnapshot>> OpenAsync(OpenCaseRequest request)
    {
        if (S.Opened)
        {
            if (request.RequestHash is null || request.RequestHash != S.RequestHash)
            {
                return CommandError.Conflict($"Case {Number} already exists.");
            }
            if (IsUnrouted)
            {
                // The first open stored the case but failed before its department answered: route it now.
                // The department's submit is idempotent, so this is safe even if it did take the case.
                var outcome = await SubmitAsync();
                var at = time.GetUtcNow();
                ApplyRouting(at, outcome);
                await CommitAsync(at);
                await RecordSummaryAsync();
            }
            return Result.Replay(ToSnapshot());
        }
        if (ValidateOpen(request) is { } invalid)
        {
            return invalid;
        }
        var customer = await GrainFactory.GetGrain<ICustomerGrain>(request.CustomerId).GetAsync();
        if (customer is null)
        {
            return CommandError.NotFound($"Customer {request.CustomerId} does not exist.", "customerId");
        }
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
        S.Subject = request.Subject.Trim();
        S.Description = request.Description;
        S.Department = triage.Department;
        S.Region = triage.Region;
        S.CreatedAt = now;
        S.IdempotencyKey = request.IdempotencyKey;
        S.RequestHash = request.RequestHash;
        var actor = ActorOf(request.Actor);
        Record(now, actor, "opened", null, CaseStatus.New,
            $"{CamelNames.Of(S.Type)}, {CamelNames.Of(S.Priority)} priority, via {CamelNames.Of(S.Channel)}; triaged to {DepartmentKey}");
        // Written before routing: once a department knows the case number, the case must exist.
        await CommitAsync(now);
        logger.CaseOpened(Number, DepartmentKey);

        var routed = await SubmitAsync();
        ApplyRouting(now, routed);
        await CommitAsync(now);
        await RecordSummaryAsync();
        return Result.Ok(ToSnapshot());
    }

    public Task<CaseSnapshot?> GetAsync() => Task.FromResult(S.Opened ? ToSnapshot() : null);

    public Task<ImmutableArray<CaseEvent>?> GetHistoryAsync() =>
        Task.FromResult<ImmutableArray<CaseEvent>?>(S.Opened ? [.. S.History] : null);

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

        var now = time.GetUtcNow();
        var actor = ActorOf(command.Actor);
        var from = S.Status;
        var withdraw = false;
        switch (command.Action)
        {
            case CaseAction.Start:
                S.FirstResponseAt ??= now;
                break;
            case CaseAction.Resolve:
                await ReleaseTechnicianAsync();
                S.ResolutionSummary = command.Summary!.Trim();
                S.ResolvedAt = now;
                break;
            case CaseAction.Close:
                S.ClosedAt = now;
                break;
            case CaseAction.Cancel:
                withdraw = S.Queued;
                await ReleaseTechnicianAsync();
                S.Queued = false;
                break;
        }

        if (command.Action == CaseAction.Reopen)
        {
            await ReopenAsync(now, actor, command.Reason);
        }
        else
        {
            Record(now, actor, CamelNames.Of(command.Action), from, transition.To,
                command.Action == CaseAction.Resolve ? S.ResolutionSummary : command.Reason);
            S.Status = transition.To;
        }
        await CommitAsync(now);
        if (withdraw)
        {
            await Department().WithdrawAsync(Number);
        }
        await RecordSummaryAsync();
        return Result.Ok(ToSnapshot());
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
        S.Notes.Add(note);
        if (command.Visibility == NoteVisibility.Customer)
        {
            S.FirstResponseAt ??= now;
        }
        Record(now, actor, "note", null, null, $"{CamelNames.Of(note.Visibility)} note {note.Id}");
        await CommitAsync(now);
        return Result.Ok(ToSnapshot());
    }

    public async Task<bool> OnAssignedAsync(DepartmentAssignment assignment)
    {
        if (!S.Opened)
        {
            return false;
        }
        if (S.AssignedTechnicianId == assignment.TechnicianId && S.Status is CaseStatus.Assigned or CaseStatus.InProgress or CaseStatus.WaitingForCustomer)
        {
            return true;
        }
        if (S.Status != CaseStatus.New)
        {
            return false;
        }
        var now = time.GetUtcNow();
        Assign(now, assignment.TechnicianId, assignment.Reason);
        await CommitAsync(now);
        await RecordSummaryAsync();
        return true;
    }

    /// <summary>Reopen: the technician who resolved the case gets it back if it can take it; otherwise the
    /// case goes back to its department like a new one. Both calls come before any change to the state, so
    /// a failure leaves the case as it was.</summary>
    private async Task ReopenAsync(DateTimeOffset now, string actor, string? reason)
    {
        var previous = S.AssignedTechnicianId;
        var reply = previous is null ? null : await GrainFactory.GetGrain<ITechnicianGrain>(previous).TryAssignAsync(Offer());
        var takenBack = reply?.Accepted == true;
        var rerouted = takenBack ? null : await SubmitAsync();

        S.ReopenCount++;
        S.ResolvedAt = null;
        S.ResolutionSummary = null;
        var back = takenBack ? $"back to {previous}" : null;
        Record(now, actor, "reopen", CaseStatus.Resolved, CaseStatus.InProgress,
            reason is null ? back : back is null ? reason : $"{reason}; {back}");
        S.Status = CaseStatus.InProgress;
        if (rerouted is null)
        {
            return;
        }

        if (previous is not null)
        {
            logger.ReopenRefused(Number, previous, reply?.RefusalReason ?? "");
        }
        Record(now, SystemActor, "rerouted", CaseStatus.InProgress, CaseStatus.New,
            previous is null ? "no previous technician" : $"{previous} refused: {reply?.RefusalReason}");
        S.Status = CaseStatus.New;
        S.AssignedTechnicianId = null;
        ApplyRouting(now, rerouted);
    }

    /// <summary>Hands the case to its department, which assigns it at once or queues it.</summary>
    private Task<RoutingOutcome> SubmitAsync() =>
        Department().SubmitAsync(new CaseTicket(Number, S.Type, S.Priority, Triage.WeightOf(S.Type), S.CustomerId, S.CreatedAt));

    private void ApplyRouting(DateTimeOffset now, RoutingOutcome outcome)
    {
        if (outcome.TechnicianId is { } technicianId)
        {
            Assign(now, technicianId, outcome.Reason);
            return;
        }
        S.Queued = true;
        Record(now, SystemActor, "queued", null, null, $"position {outcome.QueuePosition} in {DepartmentKey}: {outcome.Reason}");
    }

    /// <summary>New, yet neither assigned nor known to be queued: routing was interrupted.</summary>
    private bool IsUnrouted => S.Status == CaseStatus.New && !S.Queued && S.AssignedTechnicianId is null;

    private void Assign(DateTimeOffset now, string technicianId, string reason)
    {
        S.AssignedTechnicianId = technicianId;
        S.Queued = false;
        Record(now, SystemActor, "assigned", CaseStatus.New, CaseStatus.Assigned, $"{technicianId} ({reason})");
        S.Status = CaseStatus.Assigned;
    }

    private async Task ReleaseTechnicianAsync()
    {
        if (S.AssignedTechnicianId is { } technicianId && S.Status is CaseStatus.Assigned or CaseStatus.InProgress or CaseStatus.WaitingForCustomer)
        {
            await GrainFactory.GetGrain<ITechnicianGrain>(technicianId).ReleaseAsync(Number);
        }
    }

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
            return CommandError.Invalid("type", "Type must be consultation, fault, complaint, installation or maintenance.");
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
        return null;
    }

    private void Record(DateTimeOffset now, string actor, string action, CaseStatus? from, CaseStatus? to, string? details)
    {
        S.History.Add(new CaseEvent(++S.LastEventSequence, now, actor, action, from, to, details));
        if (S.History.Count > MaxHistory)
        {
            S.History.RemoveRange(0, S.History.Count - MaxHistory);
        }
        if (from is { } f && to is { } t)
        {
            logger.CaseChanged(Number, action, f, t);
        }
    }

    private Task CommitAsync(DateTimeOffset now)
    {
        S.Version++;
        S.UpdatedAt = now;
        return state.WriteOrResetAsync(this);
    }

    /// <summary>Keeps the customer's recent-case list current. It is a read model: a failure is logged, not
    /// surfaced, because the case change itself is already durable.</summary>
    private async Task RecordSummaryAsync()
    {
        try
        {
            await GrainFactory.GetGrain<ICustomerGrain>(S.CustomerId).RecordCaseAsync(
                new CaseSummary(Number, S.Type, S.Priority, S.Status, S.Subject, S.CreatedAt, S.UpdatedAt, S.AssignedTechnicianId));
        }
        catch (Exception exception)
        {
            logger.SummaryFailed(exception, S.CustomerId, Number);
        }
    }

    private AssignmentOffer Offer() => new(Number, S.Type, S.Priority, Triage.WeightOf(S.Type), S.CustomerId);

    private string DepartmentKey => GrainKeys.DepartmentRegion(S.Department, S.Region);

    private IDepartmentGrain Department() => GrainFactory.GetGrain<IDepartmentGrain>(DepartmentKey);

    private static string ActorOf(string? actor) => string.IsNullOrWhiteSpace(actor) ? "anonymous" : actor.Trim();

    private CaseSnapshot ToSnapshot() => new(
        Number, S.Type, S.Priority, S.Channel, S.Status, S.CustomerId, S.DeviceSerial, S.Subject, S.Description,
        S.Department, S.Region, S.AssignedTechnicianId, [.. S.Notes], S.ResolutionSummary, S.CreatedAt,
        S.FirstResponseAt, S.ResolvedAt, S.ClosedAt, S.UpdatedAt, S.ReopenCount,
        CaseStateMachine.AllowedActions(S.Status), S.Version);
}
