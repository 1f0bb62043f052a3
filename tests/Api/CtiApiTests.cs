using System.Net;
using System.Text;
using System.Text.Json;
using AfterSales.Api.Cases;
using AfterSales.Api.Cti;
using AfterSales.Cti;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary>The Generic CTI intake over HTTP, as a PBX set up for Zammad drives it: JSON and form bodies, Zammad's answers,
/// the token, bad input, repeats, out-of-order events, the missed call's callback case, the screen pop and the call log.</summary>
public sealed class CtiApiTests(CtiApiApplication app) : IClassFixture<CtiApiApplication>, IDisposable
{
    private const string Url = $"/api/cti/{CtiApiApplication.Token}";

    private readonly ApiDriver api = new(app.CreateApiClient());

    public void Dispose() => api.Client.Dispose();

    private static string NewPhone() => $"+86138{Random.Shared.Next(10_000_000, 99_999_999)}";

    private static string NewCallId() => Guid.NewGuid().ToString("N");

    private Task<HttpResponseMessage> PostJsonAsync(string json, string url = Url) =>
        api.SendAsync(HttpMethod.Post, url, ApiDriver.JsonBody(json));

    private Task<HttpResponseMessage> PostFormAsync(params (string Name, string Value)[] fields) =>
        api.SendAsync(HttpMethod.Post, Url, new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))));

    /// <summary>The raw body of a 200 answer: Zammad's exact JSON.</summary>
    private static async Task<string> ZammadAnswerAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return body;
    }

    private async Task<string> SendAsync(object body)
    {
        using var response = await PostJsonAsync(JsonSerializer.Serialize(body));
        return await ZammadAnswerAsync(response);
    }

    private async Task<CtiCallResponse> CallAsync(string callId)
    {
        using var response = await api.Client.GetAsync($"/api/cti/calls/{callId}");
        return await ApiDriver.ReadAsync<CtiCallResponse>(response, HttpStatusCode.OK);
    }

    private async Task<(string Id, string Phone)> CustomerAsync()
    {
        var id = ApiDriver.Unique("C");
        var phone = NewPhone();
        using var created = await api.PostAsync("/api/customers", ApiDriver.CustomerBody(id, "east", phone));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (id, phone);
    }

    [Fact]
    public async Task AnAnsweredInboundCallInJsonAnswersEmptyObjectsAndPopsTheCallersCustomer360()
    {
        var (customer, phone) = await CustomerAsync();
        var callId = NewCallId();

        Assert.Equal("{}", await SendAsync(new { @event = "newCall", from = phone, to = "+862150001000", direction = "in", callId, user = new[] { "alice", "bob" }, queue = "support" }));
        Assert.Equal("{}", await SendAsync(new { @event = "answer", callId, user = "alice", answeringNumber = "201", from = phone, to = "+862150001000", direction = "in" }));
        var ringing = await CallAsync(callId);
        Assert.Equal("{}", await SendAsync(new { @event = "hangup", callId, cause = "normalClearing", from = phone, to = "+862150001000", direction = "in", answeringNumber = "201" }));

        Assert.Equal((CallState.Answered, customer, "alice"), (ringing.State, ringing.CustomerId, ringing.AnsweredBy));
        Assert.Equal(customer, ringing.Customer?.Id);
        Assert.NotNull(ringing.Customer!.OpenComplaints);
        var ended = await CallAsync(callId);
        Assert.Equal((CallState.Ended, CallOutcome.Completed, HangupCause.NormalClearing, (string?)null),
            (ended.State, ended.Outcome, ended.Cause, ended.CallbackCase));
        Assert.Equal(["inbound; ringing alice, bob; queue support", "answered by alice", "hung up: normalClearing"], ended.Timeline.Select(t => t.Detail));
    }

    [Fact]
    public async Task AFormEncodedMissedCallOpensOneCallbackCaseInCustomerServiceShownOnTheScreenPopAndInTheLog()
    {
        var (customer, phone) = await CustomerAsync();
        var callId = NewCallId();
        var local = phone[3..];

        using (var rang = await PostFormAsync(("event", "newCall"), ("from", local), ("to", "02150001000"), ("direction", "in"),
            ("callId", callId), ("user[]", "alice"), ("user[]", "bob")))
        {
            Assert.Equal("{}", await ZammadAnswerAsync(rang));
        }
        for (var i = 0; i < 2; i++)
        {
            using var hungUp = await PostFormAsync(("event", "hangup"), ("from", local), ("to", "02150001000"), ("direction", "in"),
                ("callId", callId), ("cause", "noAnswer"));
            Assert.Equal("{}", await ZammadAnswerAsync(hungUp));
        }

        var call = await CallAsync(callId);
        Assert.Equal((CallState.Ended, CallOutcome.Missed, phone, customer), (call.State, call.Outcome, call.From, call.CustomerId));
        Assert.Equal(["alice", "bob"], call.Users);
        Assert.Equal(2, call.Timeline.Count);
        var number = Assert.IsType<string>(call.CallbackCase);
        using var caseResponse = await api.Client.GetAsync($"/api/cases/{number}");
        var callback = await ApiDriver.ReadAsync<CaseResponse>(caseResponse, HttpStatusCode.OK);
        Assert.Equal((customer, AfterSales.Common.Department.CustomerService, AfterSales.Cases.CaseChannel.Phone), (callback.CustomerId, callback.Department, callback.Channel));
        Assert.Contains(phone, callback.Description, StringComparison.Ordinal);
        Assert.Contains(call.OpenCases, c => c.Number == number);

        using var log = await api.Client.GetAsync($"/api/cti/calls?day={call.StartedAt.UtcDateTime:yyyy-MM-dd}&customerId={customer}");
        var page = await ApiDriver.ReadAsync<CtiCallLogResponse>(log, HttpStatusCode.OK);
        var line = Assert.Single(page.Calls);
        Assert.Equal((callId, CallOutcome.Missed, number), (line.CallId, line.Outcome, line.CallbackCase));
    }

    [Fact]
    public async Task AMissedCallFromAnUnknownNumberOpensACallbackCaseCarryingTheNumber()
    {
        var phone = NewPhone();
        var callId = NewCallId();

        await SendAsync(new { @event = "hangup", callId, cause = "busy", from = phone, to = "+862150001000", direction = "in" });

        var call = await CallAsync(callId);
        Assert.Equal((CallOutcome.Missed, (string?)null, (object?)null), (call.Outcome, call.CustomerId, (object?)call.Customer));
        using var caseResponse = await api.Client.GetAsync($"/api/cases/{call.CallbackCase}");
        var callback = await ApiDriver.ReadAsync<CaseResponse>(caseResponse, HttpStatusCode.OK);
        Assert.Contains(phone, callback.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventsOutOfOrderEndInTheRightStateAndRepeatsChangeNothing()
    {
        var phone = NewPhone();
        var callId = NewCallId();
        var hangup = new { @event = "hangup", callId, cause = "normalClearing", from = phone, to = "+862150001000", direction = "in" };

        await SendAsync(hangup);
        Assert.Equal((CallState.Ended, CallOutcome.Unanswered), ((await CallAsync(callId)).State, (await CallAsync(callId)).Outcome));
        await SendAsync(new { @event = "answer", callId, user = "carol", from = phone, to = "+862150001000", direction = "in" });
        await SendAsync(new { @event = "newCall", callId, from = phone, to = "+862150001000", direction = "in", user = "carol" });
        var before = await CallAsync(callId);
        Assert.Equal("{}", await SendAsync(hangup));
        Assert.Equal("{}", await SendAsync(new { @event = "answer", callId, user = "dave", from = phone, direction = "in" }));

        var after = await CallAsync(callId);
        Assert.Equal((CallState.Ended, CallOutcome.Completed, "carol", (string?)null), (after.State, after.Outcome, after.AnsweredBy, after.CallbackCase));
        Assert.Equal(JsonSerializer.Serialize(before, ApiDriver.Json), JsonSerializer.Serialize(after, ApiDriver.Json));
    }

    [Fact]
    public async Task HangupsOfOneMissedCallSentAtOnceOpenOneCallbackCase()
    {
        var (customer, phone) = await CustomerAsync();
        var callId = NewCallId();
        var hangup = JsonSerializer.Serialize(new { @event = "hangup", callId, cause = "noAnswer", from = phone, direction = "in" });

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var response = await PostJsonAsync(hangup);
            return await ZammadAnswerAsync(response);
        }));

        Assert.All(answers, answer => Assert.Equal("{}", answer));
        var call = await CallAsync(callId);
        using var cases = await api.Client.GetAsync($"/api/customers/{customer}/cases");
        var callbacks = (await ApiDriver.ReadAsync<AfterSales.Api.Customers.CaseSummaryResponse[]>(cases, HttpStatusCode.OK))
            .Where(c => c.Subject == "Callback: missed call").Select(c => c.Number);
        Assert.Equal([call.CallbackCase!], callbacks);
        Assert.Single(call.Timeline);
    }

    [Fact]
    public async Task ABlockedCallerGetsZammadsRejectAndACallerNotBlockedDoesNot()
    {
        var callId = NewCallId();
        var newCall = new { @event = "newCall", callId, from = "+86 139 0000 1111", to = "+862150001000", direction = "in", user = "alice" };

        Assert.Equal("""{"action":"reject","reason":"busy"}""", await SendAsync(newCall));
        Assert.Equal("""{"action":"reject","reason":"busy"}""", await SendAsync(newCall));
        Assert.Equal("{}", await SendAsync(new { @event = "newCall", callId = NewCallId(), from = NewPhone(), direction = "in" }));
        Assert.Equal("{}", await SendAsync(new { @event = "newCall", callId = NewCallId(), from = "+862150001000", to = CtiApiApplication.BlockedCaller, direction = "out", user = "alice" }));
        Assert.Equal((CallState.Ended, CallOutcome.Rejected), ((await CallAsync(callId)).State, (await CallAsync(callId)).Outcome));
    }

    [Theory]
    [InlineData("wrong-token")]
    [InlineData(CtiIntakeOptions.DevelopmentToken)]
    [InlineData("a")]
    public async Task ATokenThatIsNotConfiguredAnswers404WhateverItIs(string token)
    {
        using var response = await PostJsonAsync($$"""{"event":"newCall","callId":"{{NewCallId()}}","direction":"in"}""", $"/api/cti/{token}");

        var problem = await Problem.AssertAsync(response, HttpStatusCode.NotFound, "token");
        Assert.Equal("No CTI integration answers at this address.", problem.GetProperty("detail").GetString());
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{"callId":"c1","direction":"in"}""", "event" },
        { """{"event":"ring","callId":"c1","direction":"in"}""", "event" },
        { """{"event":"newCall","direction":"in"}""", "callId" },
        { """{"event":"newCall","callId":"has space","direction":"in"}""", "callId" },
        { """{"event":"newCall","callId":"c1"}""", "direction" },
        { """{"event":"newCall","callId":"c1","direction":"sideways"}""", "direction" },
        { """{"event":"hangup","callId":"c1"}""", "cause" },
        { """{"event":"hangup","callId":"c1","cause":"timeout"}""", "cause" },
        { """{"event":"newCall","callId":"c1","direction":"in","from":{"number":"1"}}""", "from" },
        { """{"event":"newCall","callId":"c1","direction":"in","user":[1, {"a":1}]}""", "user" },
        { """{"event":"newCall","callId":"c1","direction":"in","queue":"q\u0001"}""", "queue" },
        { """["newCall"]""", "$" },
        { """{"event":"newCall","callId":-1,"direction":"in"}""", "callId" },
        { """{"event":"newCall","callId":1.5,"direction":"in"}""", "callId" },
        { """{"event":"newCall","callId":"c1","direction":"in","user":["a",null]}""", "user" },
        { """{"event":1,"callId":"c1","direction":"in"}""", "event" },
        { """{"event":"newCall",""", "$" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task ABadEventAnswers400NamingTheField(string json, string field)
    {
        using var response = await PostJsonAsync(json);

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task ABadFormNamesEachFieldAtOnce()
    {
        using var response = await PostFormAsync(("event", "newCall"), ("callId", "c 1"), ("direction", "up"), ("user", new string('u', 101)));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "callId");
        Assert.Equal(["callId", "direction", "user"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ABodyNeitherJsonNorAFormAnswers415()
    {
        using var response = await api.SendAsync(HttpMethod.Post, Url, new StringContent("event=newCall", Encoding.UTF8, "text/plain"));

        await Problem.AssertAsync(response, HttpStatusCode.UnsupportedMediaType, "Content-Type");
    }

    [Fact]
    public async Task FieldsAPbxAddsAreIgnoredAndAWithheldNumberIsNoError()
    {
        var callId = NewCallId();

        Assert.Equal("{}", await SendAsync(new { @event = "newCall", callId, from = "anonymous", to = "+862150001000", direction = "in", calledNumber = "x", pbx = new { id = 1 } }));

        var call = await CallAsync(callId);
        Assert.Equal(((string?)null, (string?)null), (call.From, call.CustomerId));
    }

    [Fact]
    public async Task AnIntegerCallIdAndIntegerNumbersAreReadAsTheirDigits()
    {
        var callId = Random.Shared.NextInt64(1, long.MaxValue);
        var phone = NewPhone();

        using var response = await PostJsonAsync($$"""{"event":"newCall","callId":{{callId}},"from":{{phone[1..]}},"direction":"in","user":"alice"}""");

        Assert.Equal("{}", await ZammadAnswerAsync(response));
        var call = await CallAsync(callId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(phone, call.From);
        Assert.Equal(["alice"], call.Users);
    }

    [Fact]
    public async Task TheScreenPopOfAnUnknownOrMalformedCallIdIs404Or400()
    {
        using var unknown = await api.Client.GetAsync($"/api/cti/calls/{NewCallId()}");
        await Problem.AssertAsync(unknown, HttpStatusCode.NotFound, "callId");
        using var malformed = await api.Client.GetAsync("/api/cti/calls/a%20b");
        await Problem.AssertAsync(malformed, HttpStatusCode.BadRequest, "callId");
    }

    [Fact]
    public async Task TheCallLogPagesNewestFirstWithACursor()
    {
        var (customer, phone) = await CustomerAsync();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var callId = NewCallId();
            ids.Add(callId);
            await SendAsync(new { @event = "newCall", callId, from = phone, direction = "in" });
        }
        var day = (await CallAsync(ids[0])).StartedAt.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var query = $"/api/cti/calls?day={day}&customerId={customer}&limit=2" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            using var response = await api.Client.GetAsync(query);
            var page = await ApiDriver.ReadAsync<CtiCallLogResponse>(response, HttpStatusCode.OK);
            Assert.True(page.Calls.Count <= 2);
            seen.AddRange(page.Calls.Select(c => c.CallId));
            cursor = page.Next;
        }
        while (cursor is not null);

        Assert.Equal(ids.AsEnumerable().Reverse(), seen);
    }

    [Theory]
    [InlineData("day=2026-13-01", "day")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("cursor=nope", "cursor")]
    [InlineData("customerId=%20", "customerId")]
    public async Task ABadCallLogQueryAnswers400NamingTheParameter(string query, string field)
    {
        using var response = await api.Client.GetAsync($"/api/cti/calls?{query}");

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, field);
    }
}
