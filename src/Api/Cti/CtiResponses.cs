using System.Text.Json.Serialization;
using AfterSales.Api.Customers;
using AfterSales.Cti;

namespace AfterSales.Api.Cti;

/// <summary>What a PBX is told, as Zammad tells it: <c>{}</c>, or <c>{"action":"reject","reason":"busy"}</c> for a blocked
/// caller's <c>newCall</c>.</summary>
/// <param name="Action">reject, or absent.</param>
/// <param name="Reason">busy when the call is rejected, else absent.</param>
public sealed record CtiEventResponse(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Action = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason = null)
{
    internal static CtiEventResponse None { get; } = new();

    internal static CtiEventResponse RejectBusy { get; } = new("reject", "busy");
}

/// <summary>One event of a call as it arrived.</summary>
/// <param name="Detail">What it said, e.g. <c>answered by alice</c> or <c>hung up: noAnswer</c>.</param>
public sealed record CtiTimelineResponse(CtiEventKind Event, DateTimeOffset At, string Detail);

/// <summary>A call for the agent's screen pop: its state and timeline, and the caller as a customer with devices and open
/// cases.</summary>
/// <param name="CallId">The PBX's call id.</param>
/// <param name="From">The calling number in E.164; absent when withheld.</param>
/// <param name="To">The number called in E.164; absent when not a phone number.</param>
/// <param name="Users">The agents whose phones rang.</param>
/// <param name="StartedAt">When the call's first event arrived.</param>
/// <param name="CustomerId">The first customer listing the caller's number (inbound) or the number called (outbound).</param>
/// <param name="CallbackCase">The callback case a missed call opened.</param>
/// <param name="Customer">That customer's 360 (profile, devices, recent cases, open complaints), as <c>GET /api/customers/{id}</c> shows it.</param>
/// <param name="OpenCases">The customer's recent cases that are not resolved, closed or cancelled.</param>
public sealed record CtiCallResponse(
    string CallId,
    CallState State,
    CallOutcome Outcome,
    CallDirection? Direction,
    string? From,
    string? To,
    string? Queue,
    IReadOnlyList<string> Users,
    DateTimeOffset StartedAt,
    DateTimeOffset? RangAt,
    DateTimeOffset? AnsweredAt,
    string? AnsweredBy,
    string? AnsweringNumber,
    DateTimeOffset? EndedAt,
    HangupCause? Cause,
    string? CustomerId,
    string? CallbackCase,
    IReadOnlyList<CtiTimelineResponse> Timeline,
    CustomerResponse? Customer,
    IReadOnlyList<CaseSummaryResponse> OpenCases)
{
    internal static CtiCallResponse Of(CtiCallSnapshot call, CustomerResponse? customer)
    {
        var f = call.Facts;
        return new(call.CallId, call.State, call.Outcome, f.Direction, f.From, f.To, f.Queue, f.Users.IsDefault ? [] : f.Users,
            call.StartedAt, f.RangAt, f.AnsweredAt, f.AnsweredBy, f.AnsweringNumber, f.EndedAt, f.Cause, call.CustomerId,
            call.CallbackCase, [.. call.Timeline.Select(t => new CtiTimelineResponse(t.Kind, t.At, t.Detail))], customer,
            customer is null ? [] : [.. customer.RecentCases.Where(c => c.Status is not (AfterSales.Cases.CaseStatus.Resolved
                or AfterSales.Cases.CaseStatus.Closed or AfterSales.Cases.CaseStatus.Cancelled))]);
    }
}

/// <summary>One line of the call log.</summary>
public sealed record CtiCallLogItem(
    string CallId,
    DateTimeOffset StartedAt,
    CallState State,
    CallOutcome Outcome,
    CallDirection? Direction,
    string? From,
    string? To,
    string? CustomerId,
    string? AnsweredBy,
    DateTimeOffset? EndedAt,
    string? CallbackCase)
{
    internal static CtiCallLogItem Of(CtiCallLogEntry e) =>
        new(e.CallId, e.StartedAt, e.State, e.Outcome, e.Direction, e.From, e.To, e.CustomerId, e.AnsweredBy, e.EndedAt, e.CallbackCase);
}

/// <summary>A page of a day's call log, newest call first.</summary>
/// <param name="Day">The UTC day the calls started on.</param>
/// <param name="Next">The cursor of the next page; absent on the last page.</param>
public sealed record CtiCallLogResponse(DateOnly Day, IReadOnlyList<CtiCallLogItem> Calls, string? Next);
