using System.Globalization;
using AfterSales.Common;
using AfterSales.Departments;
using AfterSales.Domain;
using AfterSales.Domain.Routing;
using AfterSales.Routing;
using AfterSales.Technicians;

namespace AfterSales.Cases;

/// <summary>Where the case goes: routing through its department (it decides, the case claims), what departments tell
/// the case (assigned from the queue, returned, relaxed, why it waits), and the moves people make (escalate, transfer,
/// a supervisor's assignment, reopen).</summary>
internal sealed partial class CaseGrain
{
    public Task<bool> IsHeldByAsync(string technicianId) =>
        Task.FromResult(S.Opened && Holding && S.AssignedTechnicianId == technicianId);

    public Task<CaseRouting?> GetRoutingAsync() => Task.FromResult(S.Opened
        ? new CaseRouting(Number, S.Department, S.Region, Holding ? S.AssignedTechnicianId : null, S.Queued, S.DeviceModel,
            S.Category, S.PreferredTechnicianId, S.OptionalRelaxed, [.. S.Decisions])
        : null);

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
            // The device learns of the move with the case's next change (starting the work): the department awaits this
            // call, and a device may be awaiting a case that awaits this department, so the case must not await the device here.
            Record(now, SystemActor, CaseEventKinds.Overflowed, null, null, $"{origin} → {DepartmentKey}: the queue in {origin} was past its threshold");
            logger.CaseMoved(Number, origin, DepartmentKey, "overflow");
        }
        RecordDecision(assignment.Decision);
        Assign(now, assignment.TechnicianId, assignment.Decision?.Summary ?? $"{assignment.TechnicianId} ({assignment.Reason})");
        await CommitAsync(now);
        await NoteSummaryAsync();
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
        await NoteSummaryAsync();
        return ticket;
    }

    public async Task OnRelaxedAsync(QueueRelaxation relaxation)
    {
        // Recorded even when the assignment that the relaxation allowed arrived first (one-way messages may overtake).
        if (!S.Opened || S.OptionalRelaxed || relaxation.From != HomeKey)
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
        if (await ReplayAsync(request.IdempotencyKey, request.RequestHash) is { } replay)
        {
            return replay;
        }
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
            return Result.Ok(await SnapshotAsync());
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
        var moved = status.Department != S.Department || status.Region != S.Region;
        if (moved)
        {
            var origin = DepartmentKey;
            S.Department = status.Department;
            S.Region = status.Region;
            logger.CaseMoved(Number, origin, DepartmentKey, "manual assignment");
        }
        var requirements = Requirements(policy);
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
        RememberKey(request.IdempotencyKey, request.RequestHash);
        await CommitAsync(now);
        if (withdrawFrom is not null)
        {
            await GrainFactory.GetGrain<IDepartmentGrain>(withdrawFrom).WithdrawAsync(Number);
        }
        if (moved)
        {
            // A maintenance work order's place in the overdue list follows the case.
            await TellDeviceAsync(actor);
        }
        await RecordSummaryAsync();
        return Result.Ok(await SnapshotAsync());
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
        await TellDeviceAsync(actor);
        await RecordSummaryAsync();
        return Result.Ok(await SnapshotAsync());
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

    /// <summary>Routes a stored case that is neither assigned nor queued (see <see cref="IsUnrouted"/>); idempotent.</summary>
    private async Task CompleteRoutingAsync()
    {
        if (!IsUnrouted)
        {
            return;
        }
        var outcome = await SubmitAsync(Department());
        var at = time.GetUtcNow();
        ApplyRouting(at, outcome);
        await CommitAsync(at);
        await RecordSummaryAsync();
    }

    /// <summary>New, yet neither assigned nor known to be queued: only a case stored by an older version, whose open
    /// wrote it before routing and was cut off, is in this state.</summary>
    private bool IsUnrouted => S.Opened && S.Status == CaseStatus.New && !S.Queued && S.AssignedTechnicianId is null;

    /// <summary>Routes the case through a department (it decides, the case claims the technician it offers), or the
    /// department queues it.</summary>
    private async Task<RoutingOutcome> SubmitAsync(IDepartmentGrain department) =>
        await CaseRouter.RouteAsync(GrainFactory, department, await TicketAsync());

    /// <summary>What a department needs to route the case, with the requirements the current policy derives.</summary>
    private async Task<CaseTicket> TicketAsync()
    {
        var policy = await policies.GetAsync();
        var requirements = Requirements(policy);
        return new CaseTicket(Number, S.Type, S.Priority, RoutingPolicies.WeightOf(policy, S.Type), S.CustomerId, S.CreatedAt)
        {
            Required = requirements.Required,
            Optional = requirements.Optional,
            MatchedRuleIds = requirements.MatchedRuleIds,
            PreferredTechnicianId = S.PreferredTechnicianId,
            Relaxed = S.OptionalRelaxed,
            SlaDue = await NextSlaDueAsync(),
            AtRisk = S.Sla?.AtRisk,
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

    private CommandError? NotOpen(string action) => CaseStateMachine.IsOpen(S.Status)
        ? null
        : CommandError.Conflict($"Cannot {action} a case that is {CamelNames.Of(S.Status)}.",
            [.. CaseStateMachine.AllowedActions(S.Status).Select(CamelNames.Of)]);

    private static CommandError? ValidateReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) || reason.Length > MaxReasonLength
            ? CommandError.Invalid("reason", $"A reason is required: 1 to {MaxReasonLength} characters.")
            : null;
}
