using System.Collections.Immutable;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Customers;
using AfterSales.Domain.Cti;
using AfterSales.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AfterSales.Cti;

/// <summary>One phone call: merges the PBX's events (<see cref="CallMerge"/>), finds the customer by number, keeps the
/// call's line in the day's call log and opens the callback case of a missed call.</summary>
/// <remarks>Every event is stored before it is acknowledged. What follows the write (the log line, the callback case) is
/// idempotent and done again on a repeat of any event, so a PBX retry after a failure completes it. The callback case's
/// number is stored before the case opens and the case is opened with the call's key as its request hash: however often
/// this runs, one case opens.</remarks>
internal sealed class CtiCallGrain(
    [PersistentState("ctiCall", StorageNames.Main)] IPersistentState<CtiCallState> state,
    IOptions<CtiOptions> options,
    IOptions<AfterSalesOptions> afterSales,
    TimeProvider time,
    ILogger<CtiCallGrain> logger) : Grain, ICtiCallGrain
{
    private const string Actor = "cti";
    private const string UnknownCallersHash = "cti/unknown-callers";

    private CtiCallState S => state.State;

    private string Key => field ??= this.GetPrimaryKeyString();

    public async Task<CtiEventResult> ApplyAsync(CtiCallEvent callEvent)
    {
        if (S.Facts is { } held && CallMerge.HasSeen(held, callEvent.Kind))
        {
            await CompleteAsync();
            return new CtiEventResult(callEvent.Kind == CtiEventKind.NewCall && held.Rejected, Replayed: true, Snapshot()!);
        }
        var now = time.GetUtcNow();
        var facts = CallMerge.Apply(S.Facts ?? new CallFacts(), callEvent, now);
        if (S.PersonalDataErasedAt is not null)
        {
            // The customer was erased: an event arriving late adds no number back (nor looks one up).
            facts = CallErasure.Strip(facts);
        }
        // The lookups come first and the state changes after them in one step: a failed lookup leaves the call as stored,
        // so the PBX's retry applies the event, not a repeat of one that was never written.
        var (lookedUp, customerId, callback) = (S.LookedUpNumber, S.CustomerId, S.CallbackCase);
        if (CallMerge.CustomerNumber(facts) is { } number && number != lookedUp)
        {
            // Oldest registration first: the first customer listing the number is who the screen pops.
            var ids = await GrainFactory.GetGrain<IPhoneIndexGrain>(CustomerKeys.PhoneIndex(number)).GetCustomerIdsAsync();
            lookedUp = number;
            customerId ??= ids.IsDefaultOrEmpty ? null : ids[0];
        }
        if (CallMerge.NeedsCallback(facts) && callback is null)
        {
            callback = await GrainFactory.GetGrain<ICaseNumberGrain>(0).NextAsync();
        }
        if (S.Facts is null)
        {
            S.CallId = callEvent.CallId;
            S.StartedAt = now;
        }
        S.Facts = facts;
        S.Timeline.Add(new CallTimelineEntry(callEvent.Kind, now, CallMerge.Describe(callEvent, facts)));
        S.Revision++;
        (S.LookedUpNumber, S.CustomerId, S.CallbackCase) = (lookedUp, customerId, callback);
        await state.WriteOrResetAsync(this);
        var (callState, outcome) = (CallMerge.StateOf(facts), CallMerge.OutcomeOf(facts));
        logger.EventApplied(Key, callEvent.Kind, callState, outcome);
        await CompleteAsync();
        return new CtiEventResult(callEvent.Kind == CtiEventKind.NewCall && facts.Rejected, Replayed: false, Snapshot()!);
    }

    public async Task<bool> ErasePersonalDataAsync(string customerId)
    {
        if (S.Facts is not { } facts || S.CustomerId != customerId || S.PersonalDataErasedAt is not null)
        {
            return false;
        }
        S.Facts = CallErasure.Strip(facts);
        S.LookedUpNumber = null;
        S.PersonalDataErasedAt = time.GetUtcNow();
        S.Revision++;
        await state.WriteOrResetAsync(this);
        // Only the log line: the customer's call list is what asks, and is waiting for this answer.
        await RecordLogLineAsync();
        return true;
    }

    public Task<CtiCallSnapshot?> GetAsync() => Task.FromResult(Snapshot());

    private CtiCallSnapshot? Snapshot() => S.Facts is not { } facts ? null : new CtiCallSnapshot(
        S.CallId!, CallMerge.StateOf(facts), CallMerge.OutcomeOf(facts), facts, S.StartedAt, S.CustomerId,
        S.CallbackOpened ? S.CallbackCase : null, [.. S.Timeline]);

    /// <summary>Opens the callback case if one is claimed and not open, then refreshes the log line.</summary>
    private async Task CompleteAsync()
    {
        if (S.CallbackCase is { } number && !S.CallbackOpened && S.CallbackRefused is null)
        {
            await OpenCallbackAsync(number);
        }
        await RecordLogLineAsync();
        if (S.CustomerId is { } customerId && S.PersonalDataErasedAt is null)
        {
            // Idempotent: listed once, so the customer's erase finds the call.
            await GrainFactory.GetGrain<ICustomerCallsGrain>(customerId).AddAsync(S.CallId!);
        }
    }

    /// <summary>Adds or refreshes the call's line in its day's log.</summary>
    private async Task RecordLogLineAsync()
    {
        var facts = S.Facts!;
        var day = DateOnly.FromDateTime(S.StartedAt.UtcDateTime);
        await GrainFactory.GetGrain<ICtiCallLogGrain>(CtiKeys.LogShard(day, S.CallId!)).RecordAsync(new CtiCallLogEntry(
            S.CallId!, S.StartedAt, CallMerge.StateOf(facts), CallMerge.OutcomeOf(facts), facts.Direction, facts.From, facts.To,
            S.CustomerId, facts.AnsweredBy, facts.EndedAt, S.CallbackOpened ? S.CallbackCase : null, S.Revision));
    }

    private async Task OpenCallbackAsync(string number)
    {
        var facts = S.Facts!;
        var customerId = S.CustomerId ?? await UnknownCallersAsync();
        var request = new OpenCaseRequest(customerId, CaseType.Consultation, CasePriority.Normal, CaseChannel.Phone,
            CallbackCaseText.Subject, CallbackCaseText.Description(facts, S.CallId!, S.CustomerId is not null), null, Actor)
        {
            // The same hash on every attempt: a retry after a lost answer is the case's replay, not a conflict.
            RequestHash = "cti/" + Key,
        };
        var opened = await GrainFactory.GetGrain<ICaseGrain>(number).OpenAsync(request);
        if (opened.IsSuccess)
        {
            S.CallbackOpened = true;
            logger.CallbackOpened(Key, number, customerId);
        }
        else
        {
            S.CallbackRefused = opened.Error!.Message;
            logger.CallbackRefused(Key, number, S.CallbackRefused);
        }
        S.Revision++;
        await state.WriteOrResetAsync(this);
    }

    /// <summary>The customer unknown callers' cases are filed under, registered on first use.</summary>
    private async Task<string> UnknownCallersAsync()
    {
        var id = options.Value.UnknownCallerCustomerId;
        var customer = GrainFactory.GetGrain<ICustomerGrain>(id);
        if (await customer.GetAsync() is null)
        {
            var region = options.Value.UnknownCallerRegion ?? afterSales.Value.Regions[0];
            // A fixed hash makes a concurrent or repeated registration a replay.
            await customer.RegisterAsync(new RegisterCustomerRequest("Unknown callers", ImmutableArray<string>.Empty,
                ImmutableArray<string>.Empty, region, CustomerTier.Standard, "en") { RequestHash = UnknownCallersHash });
        }
        return id;
    }
}
