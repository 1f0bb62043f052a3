using System.Net;
using AfterSales.Api.Cases;
using AfterSales.Api.Technicians;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary><c>POST /api/cases/{number}/escalate</c>, <c>/transfer</c> and <c>/assign</c>: the case keeps its number and
/// history, the reason and actor are recorded, If-Match guards the change, and refusals name their field.</summary>
[Collection(ApiCollection.Name)]
public sealed class EscalationTests(ApiApplication app) : IDisposable
{
    private readonly ApiDriver api = new(app.CreateApiClient());

    public void Dispose() => api.Client.Dispose();

    [Fact]
    public async Task EscalationMovesACustomerServiceCaseToTechnicalSupportWithTheSameNumberAndAHistoryEntry()
    {
        var region = app.NewRegion();
        var agent = await api.CreateTechnicianAsync("customer-service", region, [("english", 2)]);
        var engineer = await api.CreateTechnicianAsync("technical-support", region, [("boiler", 4)]);
        var opened = await api.OpenCaseAsync((await api.CreateCustomerAsync(region)).Id, "consultation", null, null);
        Assert.Equal(agent.Id, opened.AssignedTechnicianId);
        var (_, etag) = await api.GetCaseAsync(opened.Number);

        using var response = await api.PostAsync($"/api/cases/{opened.Number}/escalate",
            new { reason = "Needs an engineer: error E4 persists." }, ("If-Match", etag.Tag), ("X-Actor", "agent.amy"));

        var escalated = await ApiDriver.ReadAsync<CaseResponse>(response, HttpStatusCode.OK);
        Assert.Equal(opened.Number, escalated.Number);
        Assert.Equal(Department.TechnicalSupport, escalated.Department);
        Assert.Equal(region, escalated.Region);
        Assert.Equal(engineer.Id, escalated.AssignedTechnicianId);
        Assert.Equal($"\"{escalated.Version}\"", response.Headers.ETag?.Tag);
        Assert.NotEqual(etag.Tag, response.Headers.ETag?.Tag);
        var history = await api.GetHistoryAsync(opened.Number);
        var entry = Assert.Single(history, e => e.Action == "escalated");
        Assert.Equal("agent.amy", entry.Actor);
        Assert.Contains("Needs an engineer: error E4 persists.", entry.Details, StringComparison.Ordinal);
        Assert.Equal("opened", history[0].Action);
        var (agentNow, _) = await api.GetTechnicianAsync(agent.Id);
        Assert.DoesNotContain(agentNow.Assignments, a => a.CaseNumber == opened.Number);
    }

    [Fact]
    public async Task EscalatingACaseThatIsNotInCustomerServiceIs409OnDepartment()
    {
        var opened = await api.OpenCaseAsync((await api.CreateCustomerAsync(app.NewRegion())).Id, "fault", null, null);

        using var response = await api.PostAsync($"/api/cases/{opened.Number}/escalate", new { reason = "Tier 3?" });

        var problem = await Problem.AssertAsync(response, HttpStatusCode.Conflict, "department");
        Assert.Equal("technical-support", problem.GetProperty("currentDepartment").GetString());
        Assert.Equal(opened.Version, (await api.GetCaseAsync(opened.Number)).Case.Version);
    }

    [Fact]
    public async Task EscalatingACancelledCaseIs409OnActionWithTheAllowedActions()
    {
        var opened = await api.OpenCaseAsync((await api.CreateCustomerAsync(app.NewRegion())).Id, "consultation", null, null);
        using (var cancel = await api.SendAsync(HttpMethod.Post, $"/api/cases/{opened.Number}/cancel", null))
        {
            Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        }

        using var response = await api.PostAsync($"/api/cases/{opened.Number}/escalate", new { reason = "Too late" });

        var problem = await Problem.AssertAsync(response, HttpStatusCode.Conflict, "action");
        Assert.Equal("cancelled", problem.GetProperty("currentStatus").GetString());
    }

    [Theory]
    [InlineData("escalate", """{"reason":"Angry customer"}""")]
    [InlineData("transfer", """{"department":"maintenance","reason":"Wrong desk"}""")]
    [InlineData("assign", """{"technicianId":"{technician}","reason":"Knows the customer"}""")]
    public async Task ARoutingCommandWithAStaleETagIs412AndLeavesTheCaseWhereItWas(string action, string body)
    {
        var region = app.NewRegion();
        var technician = await api.CreateTechnicianAsync("installation", region, [("mounting", 3)]);
        var opened = await api.OpenCaseAsync((await api.CreateCustomerAsync(region)).Id, "complaint", null, null);
        var (_, stale) = await api.GetCaseAsync(opened.Number);
        using (var note = await api.PostAsync($"/api/cases/{opened.Number}/notes", new { text = "Called back.", visibility = "internal" }))
        {
            Assert.Equal(HttpStatusCode.OK, note.StatusCode);
        }

        using var response = await api.PostRawAsync($"/api/cases/{opened.Number}/{action}",
            body.Replace("{technician}", technician.Id, StringComparison.Ordinal), ("If-Match", stale.Tag));

        await Problem.AssertAsync(response, HttpStatusCode.PreconditionFailed, "If-Match");
        var (after, _) = await api.GetCaseAsync(opened.Number);
        Assert.Equal(Department.CustomerService, after.Department);
        Assert.Null(after.AssignedTechnicianId);
        Assert.Equal(0, (await api.GetTechnicianAsync(technician.Id)).Technician.Load);
    }

    [Fact]
    public async Task TransferHandsTheCaseToInstallationWhichRoutesIt()
    {
        var region = app.NewRegion();
        var installer = await api.CreateTechnicianAsync("installation", region, [("mounting", 3)]);
        var opened = await api.OpenCaseAsync((await api.CreateCustomerAsync(region)).Id, "fault", null, null);
        Assert.Equal(CaseStatus.New, opened.Status);

        using var response = await api.PostAsync($"/api/cases/{opened.Number}/transfer",
            new { department = "installation", reason = "The unit was never commissioned." }, ("X-Actor", "tech.li"));

        var transferred = await ApiDriver.ReadAsync<CaseResponse>(response, HttpStatusCode.OK);
        Assert.Equal(opened.Number, transferred.Number);
        Assert.Equal(Department.Installation, transferred.Department);
        Assert.Equal(CaseStatus.Assigned, transferred.Status);
        Assert.Equal(installer.Id, transferred.AssignedTechnicianId);
        var entry = Assert.Single(await api.GetHistoryAsync(opened.Number), e => e.Action == "transferred");
        Assert.Equal("tech.li", entry.Actor);
        Assert.Contains("never commissioned", entry.Details, StringComparison.Ordinal);
        // The case left technical-support's queue, where it waited for lack of a technician.
        var before = await api.GetDepartmentAsync("technical-support", region);
        Assert.DoesNotContain(before.Queue, q => q.CaseNumber == opened.Number);
    }

    [Fact]
    public async Task TransferringToTheDepartmentTheCaseIsInIs400OnDepartment()
    {
        var opened = await api.OpenCaseAsync((await api.CreateCustomerAsync(app.NewRegion())).Id, "maintenance", null, null);

        using var response = await api.PostAsync($"/api/cases/{opened.Number}/transfer", new { department = "maintenance", reason = "Loop" });

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "department");
    }

    [Fact]
    public async Task ASupervisorAssignsAQueuedCaseToATechnicianOfAnotherDepartmentWhichTakesItThere()
    {
        var region = app.NewRegion();
        var agent = await api.CreateTechnicianAsync("customer-service", region, [("english", 2)], capacity: 1);
        var engineer = await api.CreateTechnicianAsync("technical-support", region, [("boiler", 4)], capacity: 3);
        var customer = await api.CreateCustomerAsync(region);
        await api.OpenCaseAsync(customer.Id, "consultation", null, null);
        var waiting = await api.OpenCaseAsync((await api.CreateCustomerAsync(region)).Id, "consultation", null, null);
        Assert.Equal(CaseStatus.New, waiting.Status);

        using var response = await api.PostAsync($"/api/cases/{waiting.Number}/assign",
            new { technicianId = engineer.Id, reason = "Li knows this customer." }, ("X-Actor", "supervisor.wu"));

        var assigned = await ApiDriver.ReadAsync<CaseResponse>(response, HttpStatusCode.OK);
        Assert.Equal(engineer.Id, assigned.AssignedTechnicianId);
        Assert.Equal(Department.TechnicalSupport, assigned.Department);
        Assert.Equal(CaseStatus.Assigned, assigned.Status);
        Assert.Equal($"\"{assigned.Version}\"", response.Headers.ETag?.Tag);
        Assert.Equal("manual", (await api.GetRoutingAsync(waiting.Number)).Decisions[^1].DecidedBy);
        Assert.Equal("supervisor.wu", Assert.Single(await api.GetHistoryAsync(waiting.Number), e => e.Action == "reassigned").Actor);
        Assert.Contains((await api.GetTechnicianAsync(engineer.Id)).Technician.Assignments, a => a.CaseNumber == waiting.Number);
        await ApiDriver.EventuallyAsync(async () => !(await api.GetDepartmentAsync("customer-service", region)).Queue.Any(q => q.CaseNumber == waiting.Number),
            "the case leaves customer-service's queue");
        Assert.Equal(1, (await api.GetTechnicianAsync(agent.Id)).Technician.Load);
    }

    [Fact]
    public async Task AssigningToATechnicianAtCapacityIs409WithTheTechniciansReasonAndChangesNothing()
    {
        var region = app.NewRegion();
        var agent = await api.CreateTechnicianAsync("customer-service", region, [("english", 2)], capacity: 1);
        await api.OpenCaseAsync((await api.CreateCustomerAsync(region)).Id, "consultation", null, null);
        var waiting = await api.OpenCaseAsync((await api.CreateCustomerAsync(region)).Id, "consultation", null, null);

        using var response = await api.PostAsync($"/api/cases/{waiting.Number}/assign", new { technicianId = agent.Id, reason = "Urgent" });

        var problem = await Problem.AssertAsync(response, HttpStatusCode.Conflict, "technicianId");
        Assert.Contains("at capacity (1/1)", Problem.Messages(problem, "technicianId")[0], StringComparison.Ordinal);
        var (after, _) = await api.GetCaseAsync(waiting.Number);
        Assert.Equal(CaseStatus.New, after.Status);
        Assert.Equal(waiting.Version, after.Version);
        Assert.Equal(1, (await api.GetTechnicianAsync(agent.Id)).Technician.Load);
    }

    [Fact]
    public async Task AssigningToATechnicianOffShiftIs409WithTheReason()
    {
        var region = app.NewRegion();
        var resting = await api.CreateTechnicianAsync("maintenance", region, [("mounting", 3)], onShift: false);
        var waiting = await api.OpenCaseAsync((await api.CreateCustomerAsync(region)).Id, "maintenance", null, null);

        using var response = await api.PostAsync($"/api/cases/{waiting.Number}/assign", new { technicianId = resting.Id, reason = "Please" });

        var problem = await Problem.AssertAsync(response, HttpStatusCode.Conflict, "technicianId");
        Assert.Contains("off shift", Problem.Messages(problem, "technicianId")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssigningToAnUnknownTechnicianIs404OnTechnicianId()
    {
        var waiting = await api.OpenCaseAsync((await api.CreateCustomerAsync(app.NewRegion())).Id, "maintenance", null, null);

        using var response = await api.PostAsync($"/api/cases/{waiting.Number}/assign", new { technicianId = "T-nobody", reason = "Please" });

        await Problem.AssertAsync(response, HttpStatusCode.NotFound, "technicianId");
    }

    public static TheoryData<string, string, string> MissingOrBadFields => new()
    {
        { "escalate", "{}", "reason" },
        { "escalate", """{"reason":"   "}""", "reason" },
        { "escalate", """{"reason":null}""", "reason" },
        { "escalate", $$"""{"reason":"{{new string('x', 501)}}"}""", "reason" },
        { "escalate", """{"reason":"ok","department":"installation"}""", "department" },
        { "transfer", """{"reason":"ok"}""", "department" },
        { "transfer", """{"department":"sales","reason":"ok"}""", "department" },
        { "transfer", """{"department":"installation"}""", "reason" },
        { "assign", """{"reason":"ok"}""", "technicianId" },
        { "assign", """{"technicianId":"no spaces","reason":"ok"}""", "technicianId" },
        { "assign", """{"technicianId":"T-1"}""", "reason" },
        { "assign", """{"technicianId":42,"reason":"ok"}""", "technicianId" },
    };

    [Theory]
    [MemberData(nameof(MissingOrBadFields))]
    public async Task AMissingOrInvalidFieldIs400OnThatField(string action, string body, string field)
    {
        // Refused before anything is routed, so the shared region will do.
        var opened = await api.OpenCaseAsync((await api.CreateCustomerAsync("west")).Id, "consultation", null, null);

        using var response = await api.PostRawAsync($"/api/cases/{opened.Number}/{action}", body);

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(opened.Version, (await api.GetCaseAsync(opened.Number)).Case.Version);
    }

    [Theory]
    [InlineData("escalate", """{"reason":"ok"}""")]
    [InlineData("transfer", """{"department":"installation","reason":"ok"}""")]
    [InlineData("assign", """{"technicianId":"T-1","reason":"ok"}""")]
    public async Task ARoutingCommandOnAnUnknownCaseIs404AndWithAMalformedActor400(string action, string body)
    {
        using var unknown = await api.PostRawAsync($"/api/cases/AS-1999-000077/{action}", body);
        using var badActor = await api.PostRawAsync($"/api/cases/AS-1999-000077/{action}", body, ("X-Actor", "two words"));
        using var badIfMatch = await api.PostRawAsync($"/api/cases/AS-1999-000077/{action}", body, ("If-Match", "7"));

        await Problem.AssertAsync(unknown, HttpStatusCode.NotFound, "number");
        await Problem.AssertAsync(badActor, HttpStatusCode.BadRequest, "X-Actor");
        await Problem.AssertAsync(badIfMatch, HttpStatusCode.BadRequest, "If-Match");
    }
}
