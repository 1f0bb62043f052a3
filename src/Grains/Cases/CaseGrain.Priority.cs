using AfterSales.Common;
using AfterSales.Domain;
using AfterSales.Sla.Scheduling;

namespace AfterSales.Cases;

/// <summary>The case's priority: changed by a person (with a reason) or raised by an SLA action. Either way the change
/// is recorded, the SLA rule is chosen again in the same write, and a queued case takes its new place in the queue.</summary>
internal sealed partial class CaseGrain
{
    public async Task<Result<CaseSnapshot>> ChangePriorityAsync(ChangePriorityRequest request)
    {
        if (!S.Opened)
        {
            return CommandError.NotFound($"Case {Number} does not exist.");
        }
        if (await ReplayAsync(request.IdempotencyKey, request.RequestHash) is { } replay)
        {
            return replay;
        }
        if (Precheck(request.ExpectedVersion) is { } refused)
        {
            return refused;
        }
        if (!Enum.IsDefined(request.Priority))
        {
            return CommandError.Invalid("priority", "Priority must be urgent, high, normal or low.");
        }
        if (ValidateReason(request.Reason) is { } invalid)
        {
            return invalid;
        }
        if (NotOpen("change the priority of") is { } closed)
        {
            return closed;
        }
        if (request.Priority == S.Priority)
        {
            return CommandError.Invalid("priority", $"Case {Number} already has priority {CamelNames.Of(S.Priority)}.");
        }
        var now = time.GetUtcNow();
        SetPriority(now, ActorOf(request.Actor), request.Priority, request.Reason.Trim());
        RememberKey(request.IdempotencyKey, request.RequestHash);
        await CommitAsync(now);
        await AfterPriorityChangeAsync();
        return Result.Ok(await SnapshotAsync());
    }

    /// <summary>Records the change and sets the priority; the commit that follows chooses the SLA rule again.</summary>
    private void SetPriority(DateTimeOffset now, string actor, CasePriority to, string reason)
    {
        var from = S.Priority;
        Record(now, actor, CaseEventKinds.PriorityChanged, null, null, $"{CamelNames.Of(from)} → {CamelNames.Of(to)}: {reason}");
        S.Priority = to;
        // The actor may be a person's e-mail address (X-Actor): the journal keeps it, the log says only where it came from.
        logger.CasePriorityChanged(Number, from, to, actor == SystemActor ? "sla" : "request");
    }

    /// <summary>After the write: a queued case tells its department (one-way, a queued case never waits on it), and the
    /// customer's summary follows (one-way, best effort).</summary>
    private async Task AfterPriorityChangeAsync()
    {
        if (S.Queued)
        {
            await Department().ReprioritizeAsync(Number, S.Priority);
        }
        if (S.CustomerId.Length > 0)
        {
            await NoteSummaryAsync();
        }
    }
}
