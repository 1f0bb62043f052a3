using System.Collections.Immutable;
using System.Globalization;
using AfterSales.Common;
using AfterSales.Customers;
using AfterSales.Devices;
using AfterSales.Domain;
using AfterSales.Domain.Routing;
using AfterSales.Routing;
using AfterSales.Staff;
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
    RoutingPolicyCache policies,
    ShardCounts shards,
    TimeProvider time,
    ILogger<CaseGrain> logger) : Grain, ICaseGrain
{
    internal const int MaxHistory = 1000;
    internal const int MaxNotes = 200;
    internal const int MaxNoteLength = 4000;
    internal const int MaxDecisions = 20;
    internal const int MaxReasonLength = 1000;
    private const int MaxSubjectLength = 500;
    private const int MaxDescriptionLength = 20_000;
    private const int MaxCategoryLength = 64;
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
                var outcome = await SubmitAsync(Department());
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
        string? model = null;
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
        S.Subject = request.Subject.Trim();
        S.Description = request.Description;
        S.Department = triage.Department;
        S.Region = triage.Region;
        S.CreatedAt = now;
        S.IdempotencyKey = request.IdempotencyKey;
        S.RequestHash = request.RequestHash;
        // Customer affinity: the technician of the customer's most recent other case, preferred when eligible.
        S.PreferredTechnicianId = customer.RecentCases.IsDefault
            ? null
            : customer.RecentCases.FirstOrDefault(c => c.Number != Number && c.AssignedTechnicianId is not null)?.AssignedTechnicianId;
        var actor = ActorOf(request.Actor);
        Record(now, actor, CaseEventKinds.Opened, null, CaseStatus.New,
            $"{CamelNames.Of(S.Type)}, {CamelNames.Of(S.Priority)} priority, via {CamelNames.Of(S.Channel)}; triaged to {DepartmentKey}");
        // Written before routing: once a department knows the case number, the case must exist.
        await CommitAsync(now);
        logger.CaseOpened(Number, DepartmentKey);

        var routed = await SubmitAsync(Department());
        ApplyRouting(time.GetUtcNow(), routed);
        await CommitAsync(time.GetUtcNow());
        await RecordSummaryAsync();
        return Result.Ok(ToSnapshot());
    }

    public Task<CaseSnapshot?> GetAsync() => Task.FromResult(S.Opened ? ToSnapshot() : null);

    public Task<ImmutableArray<CaseEvent>?> GetHistoryAsync() =>
        Task.FromResult<ImmutableArray<CaseEvent>?>(S.Opened ? [.. S.History] : null);

    public Task<CaseRouting?> GetRoutingAsync() => Task.FromResult(S.Opened
        ? new CaseRouting(Number, S.Department, S.Region, Holding ? S.AssignedTechnicianId : null, S.Queued, S.DeviceModel,
            S.Category, S.PreferredTechnicianId, S.OptionalRelaxed, [.. S.Decisions])
        : null);

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
        Record(now, actor, CaseEventKinds.Note, null, null, $"{CamelNames.Of(note.Visibility)} note {note.Id}");
        await CommitAsync(now);
        return Result.Ok(ToSnapshot());
    }

    public async Task<bool> OnAssignedAsync(DepartmentAssignment assignment)
    {
        if (!S.Opened)
        {
            return false;
        }
        if (S.AssignedTechnicianId == assignment.TechnicianId && Holding)
        {
            return true;
        }
        if (S.Status != CaseStatus.New || (assignment.From is { } from && from != HomeKey))
        {
            return false;
        }
        var now = time.GetUtcNow();
        if (assignment.Department is { } department && assignment.Region is { } region
            && (department != S.Department || region != S.Region))
        {
            var origin = DepartmentKey;
            S.Department = department;
            S.Region = region;
            Record(now, SystemActor, CaseEventKinds.Overflowed, null, null, $"{origin} → {DepartmentKey}: the queue in {origin} was past its threshold");
            logger.CaseMoved(Number, origin, DepartmentKey, "overflow");
        }
        RecordDecision(assignment.Decision);
        Assign(now, assignment.TechnicianId, assignment.Decision?.Summary ?? $"{assignment.TechnicianId} ({assignment.Reason})");
        await CommitAsync(now);
        await RecordSummaryAsync();
        return true;
    }

    public async Task<CaseTicket?> OnReturnedAsync(CaseReturn caseReturn)
    {
        if (!S.Opened || caseReturn.From != HomeKey)
        {
            return null;
        }
        if (S.Status == CaseStatus.New && S.Queued && S.AssignedTechnicianId is null)
        {
            // A repeat after a lost answer: the department queues the case (it drops duplicates).
            return await TicketAsync();
        }
        if (S.Status != CaseStatus.Assigned || S.AssignedTechnicianId != caseReturn.TechnicianId)
        {
            return null;
        }
        var ticket = await TicketAsync();
        var now = time.GetUtcNow();
        Record(now, SystemActor, CaseEventKinds.Returned, CaseStatus.Assigned, CaseStatus.New,
            $"returned to queue: {caseReturn.Reason} ({caseReturn.TechnicianId})");
        S.Status = CaseStatus.New;
        S.AssignedTechnicianId = null;
        S.Queued = true;
        await CommitAsync(now);
        logger.CaseReturnedToQueue(Number, DepartmentKey, caseReturn.TechnicianId);
        await RecordSummaryAsync();
        return ticket;
    }

    public async Task OnRelaxedAsync(QueueRelaxation relaxation)
    {
        if (!S.Opened || S.OptionalRelaxed || S.Status != CaseStatus.New || relaxation.From != HomeKey)
        {
            return;
        }
        var now = time.GetUtcNow();
        S.OptionalRelaxed = true;
        Record(now, SystemActor, CaseEventKinds.Relaxed, null, null,
            string.Create(CultureInfo.InvariantCulture,
                $"optional skills dropped after {(int)relaxation.Waited.TotalMinutes} min in the queue of {relaxation.From}: {relaxation.Dropped}"));
        await CommitAsync(now);
    }

    public async Task OnWaitingAsync(CaseWaiting waiting)
    {
        if (!S.Opened || !S.Queued || S.Status != CaseStatus.New || waiting.From != HomeKey)
        {
            return;
        }
        var previous = S.Waiting;
        if (previous is not null && previous.Kind == waiting.Reason.Kind && previous.Detail == waiting.Reason.Detail)
        {
            return;
        }
        var now = time.GetUtcNow();
        S.Waiting = waiting.Reason;
        if (waiting.Reason.Kind == WaitingReasonKind.Unroutable && previous?.Kind != WaitingReasonKind.Unroutable)
        {
            Record(now, SystemActor, CaseEventKinds.Unroutable, null, null, waiting.Reason.Detail);
            logger.CaseUnroutable(Number, waiting.From, waiting.Reason.Detail);
        }
        else if (previous?.Kind == WaitingReasonKind.Unroutable && waiting.Reason.Kind != WaitingReasonKind.Unroutable)
        {
            Record(now, SystemActor, CaseEventKinds.Routable, null, null, waiting.Reason.Detail);
        }
        await CommitAsync(now);
    }

    public Task<Result<CaseSnapshot>> EscalateAsync(EscalateCaseRequest request)
    {
        if (Precheck(request.ExpectedVersion) is { } refused)
        {
            return Task.FromResult<Result<CaseSnapshot>>(refused);
        }
        if (S.Department != Common.Department.CustomerService)
        {
            return Task.FromResult<Result<CaseSnapshot>>(CommandError.Conflict(
                $"Only customer-service cases are escalated; case {Number} is in {DepartmentNames.ToSlug(S.Department)}. Transfer it instead."));
        }
        return MoveAsync(Common.Department.TechnicalSupport, CaseEventKinds.Escalated, request.Reason, request.Actor);
    }

    public Task<Result<CaseSnapshot>> TransferAsync(TransferCaseRequest request)
    {
        if (Precheck(request.ExpectedVersion) is { } refused)
        {
            return Task.FromResult<Result<CaseSnapshot>>(refused);
        }
        if (!Enum.IsDefined(request.Department))
        {
            return Task.FromResult<Result<CaseSnapshot>>(CommandError.Invalid(
                "department", "Department must be customer-service, technical-support, installation or maintenance."));
        }
        if (request.Department == S.Department)
        {
            return Task.FromResult<Result<CaseSnapshot>>(CommandError.Invalid(
                "department", $"Case {Number} is already in {DepartmentNames.ToSlug(S.Department)}."));
        }
        return MoveAsync(request.Department, CaseEventKinds.Transferred, request.Reason, request.Actor);
    }

    public async Task<Result<CaseSnapshot>> AssignAsync(AssignCaseRequest request)
    {
        if (Precheck(request.ExpectedVersion) is { } refused)
        {
            return refused;
        }
        if (string.IsNullOrWhiteSpace(request.TechnicianId))
        {
            return CommandError.Invalid("technicianId", "Name the technician to assign the case to.");
        }
        if (ValidateReason(request.Reason) is { } invalid)
        {
            return invalid;
        }
        if (NotOpen("assign") is { } closed)
        {
            return closed;
        }
        var technicianId = request.TechnicianId.Trim();
        if (S.AssignedTechnicianId == technicianId && Holding)
        {
            return Result.Ok(ToSnapshot());
        }
        var technician = Technician(technicianId);
        if (await technician.GetStatusAsync() is not { } status)
        {
            return CommandError.NotFound($"Technician {technicianId} does not exist.", "technicianId");
        }
        var policy = await policies.GetAsync();
        // The supervisor's choice overrides skills, never presence or capacity: the technician still refuses those.
        var reply = await technician.TryAssignAsync(new AssignmentOffer(Number, S.Type, S.Priority, RoutingPolicies.WeightOf(policy, S.Type), S.CustomerId));
        if (!reply.Accepted)
        {
            return CommandError.Conflict($"Technician {technicianId} cannot take case {Number}: {reply.RefusalReason}.");
        }
        if (S.AssignedTechnicianId != technicianId)
        {
            await ReleaseTechnicianAsync();
        }

        var now = time.GetUtcNow();
        var actor = ActorOf(request.Actor);
        var reason = request.Reason.Trim();
        var withdrawFrom = S.Queued ? HomeKey : null;
        if (status.Department != S.Department || status.Region != S.Region)
        {
            var origin = DepartmentKey;
            S.Department = status.Department;
            S.Region = status.Region;
            logger.CaseMoved(Number, origin, DepartmentKey, "manual assignment");
        }
        var requirements = SkillRequirements.For(policy, S.Type, S.DeviceModel, S.Category);
        var decision = Router.Forced(
            new RoutingRequest(S.Department, S.Region, RoutingPolicies.StrategyFor(policy, S.Department, S.Region), RoutingPolicies.WeightOf(policy, S.Type),
                requirements.Required, requirements.Optional, S.OptionalRelaxed, requirements.MatchedRuleIds, S.PreferredTechnicianId, now),
            technicianId, DecisionKinds.Manual, $"{actor}: {reason}");
        RecordDecision(decision);
        var from = S.Status;
        Record(now, actor, CaseEventKinds.Reassigned, from, CaseStatus.Assigned, $"{technicianId} in {DepartmentKey}: {reason}");
        S.AssignedTechnicianId = technicianId;
        S.Queued = false;
        S.Status = CaseStatus.Assigned;
        await CommitAsync(now);
        if (withdrawFrom is not null)
        {
            await GrainFactory.GetGrain<IDepartmentGrain>(withdrawFrom).WithdrawAsync(Number);
        }
        await RecordSummaryAsync();
        return Result.Ok(ToSnapshot());
    }

    /// <summary>Escalation and transfer: leave the technician or the queue, then be routed in the new department.
    /// Release and submit come before any change here (both idempotent); the withdraw is one-way, after the write.</summary>
    private async Task<Result<CaseSnapshot>> MoveAsync(Department target, string action, string reason, string? actor)
    {
        if (ValidateReason(reason) is { } invalid)
        {
            return invalid;
        }
        if (NotOpen(action == CaseEventKinds.Escalated ? "escalate" : "transfer") is { } closed)
        {
            return closed;
        }
        var origin = DepartmentKey;
        var originHome = HomeKey;
        var wasQueued = S.Queued;
        await ReleaseTechnicianAsync();
        var outcome = await SubmitAsync(GrainFactory.GetGrain<IDepartmentGrain>(shards.HomeOf(target, S.Region, Number)));

        var now = time.GetUtcNow();
        var from = S.Status;
        S.Department = target;
        S.AssignedTechnicianId = null;
        S.Queued = false;
        Record(now, ActorOf(actor), action, from, CaseStatus.New, $"{origin} → {DepartmentKey}: {reason.Trim()}");
        S.Status = CaseStatus.New;
        ApplyRouting(now, outcome);
        await CommitAsync(now);
        logger.CaseMoved(Number, origin, DepartmentKey, action);
        if (wasQueued)
        {
            await GrainFactory.GetGrain<IDepartmentGrain>(originHome).WithdrawAsync(Number);
        }
        await RecordSummaryAsync();
        return Result.Ok(ToSnapshot());
    }

    /// <summary>Reopen: the technician who resolved the case gets it back if it can take it; otherwise the
    /// case goes back to its department like a new one. Both calls come before any change to the state, so
    /// a failure leaves the case as it was.</summary>
    private async Task ReopenAsync(DateTimeOffset now, string actor, string? reason)
    {
        var previous = S.AssignedTechnicianId;
        AssignmentReply? reply = null;
        if (previous is not null)
        {
            var policy = await policies.GetAsync();
            var offer = new AssignmentOffer(Number, S.Type, S.Priority, RoutingPolicies.WeightOf(policy, S.Type), S.CustomerId) { Started = true };
            reply = await Technician(previous).TryAssignAsync(offer);
        }
        var takenBack = reply?.Accepted == true;
        var rerouted = takenBack ? null : await SubmitAsync(Department());

        S.ReopenCount++;
        S.ResolvedAt = null;
        S.ResolutionSummary = null;
        var back = takenBack ? $"back to {previous}" : null;
        Record(now, actor, CaseEventKinds.Of(CaseAction.Reopen), CaseStatus.Resolved, CaseStatus.InProgress,
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
        Record(now, SystemActor, CaseEventKinds.Rerouted, CaseStatus.InProgress, CaseStatus.New,
            previous is null ? "no previous technician" : $"{previous} refused: {reply?.RefusalReason}");
        S.Status = CaseStatus.New;
        S.AssignedTechnicianId = null;
        ApplyRouting(now, rerouted);
    }

    /// <summary>Routes the case through a department (it decides, the case claims the technician it offers), or the
    /// department queues it.</summary>
    private async Task<RoutingOutcome> SubmitAsync(IDepartmentGrain department) =>
        await CaseRouter.RouteAsync(GrainFactory, department, await TicketAsync());

    /// <summary>What a department needs to route the case, with the requirements the current policy derives.</summary>
    private async Task<CaseTicket> TicketAsync()
    {
        var policy = await policies.GetAsync();
        var requirements = SkillRequirements.For(policy, S.Type, S.DeviceModel, S.Category);
        return new CaseTicket(Number, S.Type, S.Priority, RoutingPolicies.WeightOf(policy, S.Type), S.CustomerId, S.CreatedAt)
        {
            Required = requirements.Required,
            Optional = requirements.Optional,
            MatchedRuleIds = requirements.MatchedRuleIds,
            PreferredTechnicianId = S.PreferredTechnicianId,
            Relaxed = S.OptionalRelaxed,
        };
    }

    private void ApplyRouting(DateTimeOffset now, RoutingOutcome outcome)
    {
        RecordDecision(outcome.Decision);
        if (outcome.TechnicianId is { } technicianId)
        {
            Assign(now, technicianId, outcome.Decision?.Summary ?? $"{technicianId} ({outcome.Reason})");
            return;
        }
        S.Queued = true;
        S.Waiting = outcome.Waiting;
        Record(now, SystemActor, CaseEventKinds.Queued, null, null, $"position {outcome.QueuePosition} in {DepartmentKey}: {outcome.Reason}");
    }

    /// <summary>New, yet neither assigned nor known to be queued: routing was interrupted.</summary>
    private bool IsUnrouted => S.Status == CaseStatus.New && !S.Queued && S.AssignedTechnicianId is null;

    /// <summary>True while the assigned technician holds the case (assigned, in progress, waiting for the customer).</summary>
    private bool Holding => S.Status is CaseStatus.Assigned or CaseStatus.InProgress or CaseStatus.WaitingForCustomer;

    private void Assign(DateTimeOffset now, string technicianId, string details)
    {
        S.AssignedTechnicianId = technicianId;
        S.Queued = false;
        S.Waiting = null;
        Record(now, SystemActor, CaseEventKinds.Assigned, CaseStatus.New, CaseStatus.Assigned, details);
        S.Status = CaseStatus.Assigned;
    }

    private void RecordDecision(RoutingDecision? decision)
    {
        if (decision is null)
        {
            return;
        }
        S.Decisions.Add(decision);
        if (S.Decisions.Count > MaxDecisions)
        {
            S.Decisions.RemoveRange(0, S.Decisions.Count - MaxDecisions);
        }
    }

    private async Task ReleaseTechnicianAsync()
    {
        if (S.AssignedTechnicianId is { } technicianId && Holding)
        {
            await Technician(technicianId).ReleaseAsync(Number);
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

    private CommandError? NotOpen(string action) => CaseStateMachine.IsOpen(S.Status)
        ? null
        : CommandError.Conflict($"Cannot {action} a case that is {CamelNames.Of(S.Status)}.",
            [.. CaseStateMachine.AllowedActions(S.Status).Select(CamelNames.Of)]);

    private static CommandError? ValidateReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) || reason.Length > MaxReasonLength
            ? CommandError.Invalid("reason", $"A reason is required: 1 to {MaxReasonLength} characters.")
            : null;

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
        if (request.Category is { } category && (string.IsNullOrWhiteSpace(category) || category.Length > MaxCategoryLength))
        {
            return CommandError.Invalid("category", $"A category has 1 to {MaxCategoryLength} characters.");
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

    private string DepartmentKey => GrainKeys.DepartmentRegion(S.Department, S.Region);

    /// <summary>The shard of the case's department-region that decides for it and queues it (the department-region
    /// key itself when the department is not sharded).</summary>
    private string HomeKey => shards.HomeOf(S.Department, S.Region, Number);

    private IDepartmentGrain Department() => GrainFactory.GetGrain<IDepartmentGrain>(HomeKey);

    private ITechnicianGrain Technician(string technicianId) => GrainFactory.GetGrain<ITechnicianGrain>(technicianId);

    private static string ActorOf(string? actor) => string.IsNullOrWhiteSpace(actor) ? "anonymous" : actor.Trim();

    private CaseSnapshot ToSnapshot() => new(
        Number, S.Type, S.Priority, S.Channel, S.Status, S.CustomerId, S.DeviceSerial, S.Subject, S.Description,
        S.Department, S.Region, S.AssignedTechnicianId, [.. S.Notes], S.ResolutionSummary, S.CreatedAt,
        S.FirstResponseAt, S.ResolvedAt, S.ClosedAt, S.UpdatedAt, S.ReopenCount,
        CaseStateMachine.AllowedActions(S.Status), S.Version)
    {
        Category = S.Category,
        Waiting = S.Queued ? S.Waiting : null,
    };
}
