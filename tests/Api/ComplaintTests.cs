using System.Net;
using AfterSales.Api.Cases;
using AfterSales.Api.Complaints;
using AfterSales.Api.Customers;
using AfterSales.Api.Technicians;
using AfterSales.Complaints;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary>Complaints over HTTP: the whole workflow with ETags, the technician's, case's and customer's views of it, and
/// every kind of bad input.</summary>
[Collection(ApiCollection.Name)]
public sealed class ComplaintTests(ApiApplication app) : IDisposable
{
    private readonly ApiDriver api = new(app.CreateApiClient());

    public void Dispose() => api.Client.Dispose();

    private async Task<(string Customer, string Technician, string Case)> PartiesAsync()
    {
        var opened = await api.OpenAssignedCaseAsync();
        return (opened.CustomerId!, opened.AssignedTechnicianId!, opened.Number);
    }

    private static object Body(string customerId, string? caseNumber, string? technicianId, string severity = "high") => new
    {
        customerId,
        channel = "phone",
        category = "technicianConduct",
        severity,
        description = "The technician was rude and left the site dirty.",
        caseNumber,
        technicianId,
    };

    private async Task<(ComplaintResponse Complaint, string ETag)> SendAsync(string path, object? body, string etag, string actor)
    {
        using var response = await api.SendAsync(HttpMethod.Post, path, body is null ? null : ApiDriver.JsonBody(body), ("If-Match", etag), ("X-Actor", actor));
        var complaint = await ApiDriver.ReadAsync<ComplaintResponse>(response, HttpStatusCode.OK);
        return (complaint, response.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task AComplaintRunsItsWholeLifecycleOverHttpAndShowsOnTheTechnicianTheCaseAndTheCustomer()
    {
        var (customer, technician, number) = await PartiesAsync();
        using var filed = await api.PostAsync("/api/complaints", Body(customer, number, technician), ("Idempotency-Key", ApiDriver.Unique("k")), ("X-Actor", "agent.li"));
        var complaint = await ApiDriver.ReadAsync<ComplaintResponse>(filed, HttpStatusCode.Created);
        Assert.Matches(@"^CMP-\d{4}-\d{6}$", complaint.Id);
        Assert.Equal($"/api/complaints/{complaint.Id}", filed.Headers.Location!.OriginalString);
        var etag = filed.Headers.ETag!.Tag;
        var path = $"/api/complaints/{complaint.Id}";

        (_, etag) = await SendAsync($"{path}/acknowledge", null, etag, "agent.li");
        (_, etag) = await SendAsync($"{path}/investigate", null, etag, "agent.li");
        (_, etag) = await SendAsync($"{path}/submitForReview", new { rootCause = "staffError", correctiveAction = "Coached on site conduct." }, etag, "agent.li");
        using (var selfReview = await api.SendAsync(HttpMethod.Post, $"{path}/approve", null, ("If-Match", etag), ("X-Actor", "agent.li")))
        {
            await Problem.AssertAsync(selfReview, HttpStatusCode.UnprocessableEntity, "X-Actor");
        }
        var (resolved, resolvedTag) = await SendAsync($"{path}/approve", null, etag, "lead.wang");
        Assert.Equal((ComplaintStatus.Resolved, "lead.wang"), (resolved.Status, resolved.Findings!.ReviewedBy));
        Assert.Equal([ComplaintAction.Confirm, ComplaintAction.Reject], resolved.AllowedActions);

        using (var technicianRead = await api.Client.GetAsync($"/api/technicians/{technician}"))
        {
            var record = await ApiDriver.ReadAsync<TechnicianResponse>(technicianRead, HttpStatusCode.OK);
            Assert.Equal((1, 1, complaint.Id), (record.Complaints!.Open, record.Complaints.Total, record.Complaints.Last!.Id));
        }
        using (var listed = await api.Client.GetAsync($"/api/technicians/{technician}/complaints?status=open"))
        {
            var list = await ApiDriver.ReadAsync<ComplaintListResponse>(listed, HttpStatusCode.OK);
            Assert.Equal([complaint.Id], list.Complaints.Select(c => c.Id));
        }
        var (caseRead, _) = await api.GetCaseAsync(number);
        Assert.Equal([complaint.Id], caseRead.Complaints!);
        using (var customerRead = await api.Client.GetAsync($"/api/customers/{customer}"))
        {
            var profile = await ApiDriver.ReadAsync<CustomerResponse>(customerRead, HttpStatusCode.OK);
            Assert.Equal([complaint.Id], profile.OpenComplaints!.Select(c => c.Id));
        }

        var (closed, _) = await SendAsync($"{path}/confirm", null, resolvedTag, "customer");
        Assert.Equal((ComplaintStatus.Closed, ComplaintClosure.Confirmed), (closed.Status, closed.Closure));
        using var history = await api.Client.GetAsync($"{path}/history?limit=3");
        var page = await ApiDriver.ReadAsync<ComplaintHistoryResponse>(history, HttpStatusCode.OK);
        Assert.Equal(["received", "acknowledge", "investigate"], page.Events.Select(e => e.Kind));
        Assert.Equal($"{path}/history?after=3&limit=3", page.Next);
        using var customerAfter = await api.Client.GetAsync($"/api/customers/{customer}");
        Assert.Empty((await ApiDriver.ReadAsync<CustomerResponse>(customerAfter, HttpStatusCode.OK)).OpenComplaints!);
    }

    [Fact]
    public async Task AWrongTransitionIsAConflictNamingTheStatusAndTheAllowedActions()
    {
        var (customer, technician, number) = await PartiesAsync();
        using var filed = await api.PostAsync("/api/complaints", Body(customer, number, technician));
        var complaint = await ApiDriver.ReadAsync<ComplaintResponse>(filed, HttpStatusCode.Created);

        using var response = await api.PostAsync($"/api/complaints/{complaint.Id}/confirm", new { });

        var problem = await Problem.AssertAsync(response, HttpStatusCode.Conflict, "action");
        Assert.Equal("received", problem.GetProperty("currentStatus").GetString());
        Assert.Equal(["acknowledge"], problem.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task AStaleIfMatchIsRefusedAndACurrentOneAnswersNotModified()
    {
        var (customer, technician, number) = await PartiesAsync();
        using var filed = await api.PostAsync("/api/complaints", Body(customer, number, technician));
        var complaint = await ApiDriver.ReadAsync<ComplaintResponse>(filed, HttpStatusCode.Created);
        var path = $"/api/complaints/{complaint.Id}";

        using var stale = await api.SendAsync(HttpMethod.Post, $"{path}/acknowledge", null, ("If-Match", "\"7\""));
        using var malformed = await api.SendAsync(HttpMethod.Post, $"{path}/acknowledge", null, ("If-Match", "abc"));
        using var notModified = await api.SendAsync(HttpMethod.Get, path, null, ("If-None-Match", "\"1\""));

        await Problem.AssertAsync(stale, HttpStatusCode.PreconditionFailed, "If-Match");
        await Problem.AssertAsync(malformed, HttpStatusCode.BadRequest, "If-Match");
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task AReplayedFilingAnswersTheSameComplaintAndADifferentBodyWithTheKeyIsRefused()
    {
        var (customer, technician, number) = await PartiesAsync();
        var key = ApiDriver.Unique("k");
        using var first = await api.PostAsync("/api/complaints", Body(customer, number, technician), ("Idempotency-Key", key));
        using var again = await api.PostAsync("/api/complaints", Body(customer, number, technician), ("Idempotency-Key", key));
        using var other = await api.PostAsync("/api/complaints", Body(customer, number, technician, "low"), ("Idempotency-Key", key));

        var original = await ApiDriver.ReadAsync<ComplaintResponse>(first, HttpStatusCode.Created);
        var replayed = await ApiDriver.ReadAsync<ComplaintResponse>(again, HttpStatusCode.Created);
        Assert.Equal(original.Id, replayed.Id);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        await Problem.AssertAsync(other, HttpStatusCode.UnprocessableEntity, "Idempotency-Key");
    }

    [Theory]
    [InlineData("""{"channel":"phone","category":"billing","severity":"low","description":"x"}""", "customerId")]
    [InlineData("""{"customerId":"C-1","channel":"fax","category":"billing","severity":"low","description":"x"}""", "channel")]
    [InlineData("""{"customerId":"C-1","channel":"phone","category":"billing","severity":7,"description":"x"}""", "severity")]
    [InlineData("""{"customerId":"C-1","channel":"phone","category":"billing","severity":"low","description":""}""", "description")]
    [InlineData("""{"customerId":"C-1","channel":"phone","category":"technicianConduct","severity":"low","description":"x"}""", "technicianId")]
    [InlineData("""{"customerId":"C 1","channel":"phone","category":"billing","severity":"low","description":"x"}""", "customerId")]
    public async Task AMalformedFilingIsABadRequestNamingTheField(string json, string field)
    {
        using var response = await api.PostRawAsync("/api/complaints", json);

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task UnknownReferencesAreNotFoundAndAnotherCustomersCaseIsUnprocessable()
    {
        var (customer, technician, number) = await PartiesAsync();
        var stranger = await api.CreateCustomerAsync("north");

        using var unknownCustomer = await api.PostAsync("/api/complaints", Body(ApiDriver.Unique("C"), null, technician));
        using var unknownCase = await api.PostAsync("/api/complaints", Body(customer, "AS-1999-000001", technician));
        using var othersCase = await api.PostAsync("/api/complaints", Body(stranger.Id, number, technician));
        using var unknownComplaint = await api.Client.GetAsync("/api/complaints/CMP-1999-000001");
        using var unknownTechnician = await api.Client.GetAsync($"/api/technicians/{ApiDriver.Unique("T")}/complaints");

        await Problem.AssertAsync(unknownCustomer, HttpStatusCode.NotFound, "customerId");
        await Problem.AssertAsync(unknownCase, HttpStatusCode.NotFound, "caseNumber");
        await Problem.AssertAsync(othersCase, HttpStatusCode.UnprocessableEntity, "caseNumber");
        await Problem.AssertAsync(unknownComplaint, HttpStatusCode.NotFound, "id");
        await Problem.AssertAsync(unknownTechnician, HttpStatusCode.NotFound, "id");
    }

    [Fact]
    public async Task ActionInputIsCheckedByFieldBeforeAnythingChanges()
    {
        var (customer, technician, number) = await PartiesAsync();
        using var filed = await api.PostAsync("/api/complaints", Body(customer, number, technician));
        var path = $"/api/complaints/{(await ApiDriver.ReadAsync<ComplaintResponse>(filed, HttpStatusCode.Created)).Id}";

        using var noRootCause = await api.PostAsync($"{path}/submitForReview", new { correctiveAction = "x" });
        using var noReason = await api.PostAsync($"{path}/reject", new { });
        using var lower = await api.PostAsync($"{path}/escalate", new { severity = "low", reason = "Calmer." });
        using var badList = await api.Client.GetAsync($"/api/technicians/{technician}/complaints?status=closed&limit=0");

        await Problem.AssertAsync(noRootCause, HttpStatusCode.BadRequest, "rootCause");
        await Problem.AssertAsync(noReason, HttpStatusCode.BadRequest, "reason");
        await Problem.AssertAsync(lower, HttpStatusCode.UnprocessableEntity, "severity");
        var problem = await Problem.AssertAsync(badList, HttpStatusCode.BadRequest, "status");
        Assert.NotEmpty(Problem.Messages(problem, "limit"));
        using var read = await api.Client.GetAsync(path);
        Assert.Equal(1, (await ApiDriver.ReadAsync<ComplaintResponse>(read, HttpStatusCode.OK)).Version);
    }
}
