using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Cti;
using AfterSales.Tests.Grains.Infrastructure;

namespace AfterSales.Tests.Grains;

/// <summary>The call grain on a real cluster: caller lookup through the phone index, the callback case of a missed call
/// opened once, out-of-order events, the call log.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CtiCallGrainTests(ClusterFixture fixture)
{
    private static string NewPhone() => $"+86138{Random.Shared.Next(10_000_000, 99_999_999)}";

    private static string NewCallId() => Scenario.NewId("call");

    private ICtiCallGrain Call(string callId) => fixture.Grains.GetGrain<ICtiCallGrain>(CtiKeys.Call(callId));

    private static CtiCallEvent Event(string callId, CtiEventKind kind, string? from, HangupCause? cause = null) =>
        new(callId, kind, CallDirection.In, from, "+862150001000") { Users = ["alice"], Cause = cause };

    [Fact]
    public async Task AMissedCallFromAKnownCustomerOpensOneCallbackCaseInCustomerServiceForThatCustomer()
    {
        var scenario = new Scenario(fixture);
        var phone = NewPhone();
        var customer = await scenario.CustomerAsync(phone: phone);
        var callId = NewCallId();

        var rang = await Call(callId).ApplyAsync(Event(callId, CtiEventKind.NewCall, phone));
        var hungUp = await Call(callId).ApplyAsync(Event(callId, CtiEventKind.Hangup, phone, HangupCause.NoAnswer));
        var again = await Call(callId).ApplyAsync(Event(callId, CtiEventKind.Hangup, phone, HangupCause.Busy));

        Assert.Equal((CallState.Ringing, customer.Id), (rang.Call.State, rang.Call.CustomerId));
        Assert.Equal((CallState.Ended, CallOutcome.Missed, false), (hungUp.Call.State, hungUp.Call.Outcome, hungUp.Replayed));
        var number = Assert.IsType<string>(hungUp.Call.CallbackCase);
        Assert.Equal((true, number, HangupCause.NoAnswer, 2), (again.Replayed, again.Call.CallbackCase, again.Call.Facts.Cause, again.Call.Timeline.Length));
        var callback = await fixture.Grains.GetGrain<ICaseGrain>(number).GetAsync();
        Assert.NotNull(callback);
        Assert.Equal((customer.Id, Department.CustomerService, scenario.Region, CaseType.Consultation, CaseChannel.Phone),
            (callback.CustomerId, callback.Department, callback.Region, callback.Type, callback.Channel));
        Assert.Contains(phone, callback.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissedCallFromAnUnknownNumberFilesItsCallbackUnderTheUnknownCallersWithTheNumberInTheCaseOnly()
    {
        var phone = NewPhone();
        var callId = NewCallId();

        var hungUp = await Call(callId).ApplyAsync(Event(callId, CtiEventKind.Hangup, phone, HangupCause.Cancel));

        Assert.Null(hungUp.Call.CustomerId);
        var callback = await fixture.Grains.GetGrain<ICaseGrain>(hungUp.Call.CallbackCase!).GetAsync();
        Assert.NotNull(callback);
        Assert.Equal("C-UNKNOWN-CALLERS", callback.CustomerId);
        Assert.Contains(phone, callback.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(phone.TrimStart('+'), CtiKeys.Call(callId), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHangupBeforeTheAnswerEndsAnsweredAndOpensNoCase()
    {
        var phone = NewPhone();
        var callId = NewCallId();

        await Call(callId).ApplyAsync(Event(callId, CtiEventKind.Hangup, phone, HangupCause.NormalClearing));
        await Call(callId).ApplyAsync(Event(callId, CtiEventKind.Answer, phone));
        var call = await Call(callId).ApplyAsync(Event(callId, CtiEventKind.NewCall, phone));

        Assert.Equal((CallState.Ended, CallOutcome.Completed, null, "alice"),
            (call.Call.State, call.Call.Outcome, call.Call.CallbackCase, call.Call.Facts.AnsweredBy));
        Assert.Equal([CtiEventKind.Hangup, CtiEventKind.Answer, CtiEventKind.NewCall], call.Call.Timeline.Select(t => t.Kind).ToArray());
    }

    [Fact]
    public async Task ABlockedCallerIsRejectedAndARepeatOfTheNewCallIsRejectedAgain()
    {
        var phone = NewPhone();
        var callId = NewCallId();
        var blocked = Event(callId, CtiEventKind.NewCall, phone) with { CallerBlocked = true };

        var first = await Call(callId).ApplyAsync(blocked);
        // The repeat carries no flag (the list changed, say): the call answers as it first did.
        var repeat = await Call(callId).ApplyAsync(Event(callId, CtiEventKind.NewCall, phone));

        Assert.Equal((true, false, CallOutcome.Rejected), (first.Reject, first.Replayed, first.Call.Outcome));
        Assert.Equal((true, true), (repeat.Reject, repeat.Replayed));
    }

    [Fact]
    public async Task TheCallLogOfTheDayHoldsTheCallAsItStandsNow()
    {
        var phone = NewPhone();
        var callId = NewCallId();
        await Call(callId).ApplyAsync(Event(callId, CtiEventKind.NewCall, phone));
        var ended = await Call(callId).ApplyAsync(Event(callId, CtiEventKind.Hangup, phone, HangupCause.NoAnswer));

        var shard = CtiKeys.LogShard(DateOnly.FromDateTime(ended.Call.StartedAt.UtcDateTime), callId);
        var line = Assert.Single(await fixture.Grains.GetGrain<ICtiCallLogGrain>(shard).GetEntriesAsync(), e => e.CallId == callId);

        Assert.Equal((CallState.Ended, CallOutcome.Missed, phone, ended.Call.CallbackCase),
            (line.State, line.Outcome, line.From, line.CallbackCase));
    }

    [Fact]
    public async Task ACallNobodyReportedIsNull()
    {
        Assert.Null(await Call(NewCallId()).GetAsync());
    }

    [Fact]
    public async Task TheErasureOfTheMatchedCustomerRemovesTheNumbersFromTheCallAndItsLogLineAndLaterEventsAddNone()
    {
        var scenario = new Scenario(fixture);
        var phone = NewPhone();
        var customer = await scenario.CustomerAsync(phone: phone);
        var callId = NewCallId();
        await Call(callId).ApplyAsync(Event(callId, CtiEventKind.NewCall, phone));
        var listed = await fixture.Grains.GetGrain<ICustomerCallsGrain>(customer.Id).GetCallIdsAsync();

        var other = await Call(callId).ErasePersonalDataAsync("C-someone-else");
        var first = await Call(callId).ErasePersonalDataAsync(customer.Id);
        var second = await Call(callId).ErasePersonalDataAsync(customer.Id);
        var answered = await Call(callId).ApplyAsync(new CtiCallEvent(callId, CtiEventKind.Answer, CallDirection.In, phone, "+862150001000")
        {
            Users = ["alice"], AnsweringNumber = phone,
        });
        await fixture.Cluster.DeactivateAsync(Call(callId));

        Assert.Equal(callId, Assert.Single(listed));
        Assert.Equal((false, true, false), (other, first, second));
        var call = (await Call(callId).GetAsync())!;
        Assert.Equal((customer.Id, CallState.Answered, "alice"), (call.CustomerId, answered.Call.State, call.Facts.AnsweredBy));
        Assert.Equal((null, null, null), (call.Facts.From, call.Facts.To, call.Facts.AnsweringNumber));
        var day = DateOnly.FromDateTime(call.StartedAt.UtcDateTime);
        var line = Assert.Single(await fixture.Grains.GetGrain<ICtiCallLogGrain>(CtiKeys.LogShard(day, callId)).GetEntriesAsync(), e => e.CallId == callId);
        Assert.Equal((null, null, customer.Id), (line.From, line.To, line.CustomerId));
    }
}
