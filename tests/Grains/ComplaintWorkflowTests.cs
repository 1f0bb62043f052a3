using AfterSales.Common;
using AfterSales.Complaints;
using AfterSales.Tests.Grains.Infrastructure;

namespace AfterSales.Tests.Grains;

/// <summary>A complaint's lifecycle through its grain: filing with its links checked, the mandatory review, the customer's
/// answer, escalation and the journal.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ComplaintWorkflowTests(ClusterFixture fixture)
{
    [Fact]
    public async Task AComplaintGoesFromReceiptThroughTheReviewToTheCustomersConfirmationAndJournalsEveryStep()
    {
        var s = await ComplaintScenario.CreateAsync(fixture);
        var filed = await s.FileAsync();

        Assert.Matches(@"^CMP-\d{4}-\d{6}$", filed.Id);
        Assert.Equal(ComplaintStatus.Received, filed.Status);
        Assert.Equal(filed.ReceivedAt + TimeSpan.FromHours(24), filed.Acknowledgement.DueAt);
        Assert.Equal([ComplaintAction.Acknowledge], filed.AllowedActions.ToArray());

        var acknowledged = await s.ApplyAsync(filed.Id, ComplaintAction.Acknowledge);
        Assert.True(acknowledged.Acknowledgement.Met);
        await s.ApplyAsync(filed.Id, ComplaintAction.Investigate);
        var submitted = await s.ApplyAsync(filed.Id, ComplaintAction.SubmitForReview);
        Assert.Equal((RootCauseCategory.StaffError, "agent.li", (string?)null), (submitted.Findings!.RootCause, submitted.Findings.SubmittedBy, submitted.Findings.ReviewedBy));
        var resolved = await s.ApplyAsync(filed.Id, ComplaintAction.Approve, actor: "lead.wang");
        Assert.Equal(ComplaintStatus.Resolved, resolved.Status);
        Assert.Equal("lead.wang", resolved.Findings!.ReviewedBy);
        Assert.Equal(resolved.ResolvedAt + TimeSpan.FromDays(14), resolved.AutoCloseAt);
        var closed = await s.ApplyAsync(filed.Id, ComplaintAction.Confirm, actor: "customer");

        Assert.Equal((ComplaintStatus.Closed, ComplaintClosure.Confirmed, (DateTimeOffset?)null), (closed.Status, closed.Closure, closed.AutoCloseAt));
        Assert.Equal(6, closed.Version);
        var history = await s.HistoryAsync(filed.Id);
        Assert.Equal(["received", "acknowledge", "investigate", "submitForReview", "approve", "confirm"], history.Select(e => e.Kind));
        Assert.Equal(Enumerable.Range(1, 6).Select(n => (long)n), history.Select(e => e.Sequence));
        Assert.Equal(["agent.li", "agent.li", "agent.li", "agent.li", "lead.wang", "customer"], history.Select(e => e.Actor));
        Assert.Equal((ComplaintStatus?)ComplaintStatus.AwaitingReview, history[4].From);
        Assert.Equal(6, history.Select(e => e.EventId).Distinct().Count());
    }

    [Fact]
    public async Task WhoSubmittedTheFindingsCannotApproveThemAndNothingChanges()
    {
        var s = await ComplaintScenario.CreateAsync(fixture);
        var id = (await s.FileAsync()).Id;
        await s.ApplyAsync(id, ComplaintAction.Acknowledge);
        await s.ApplyAsync(id, ComplaintAction.Investigate);
        var submitted = await s.ApplyAsync(id, ComplaintAction.SubmitForReview);

        var refused = await s.Complaint(id).ApplyAsync(new ComplaintCommand(ComplaintAction.Approve, "agent.li"));

        Assert.Equal((ErrorKind.Unprocessable, "X-Actor"), (refused.Error!.Kind, refused.Error.Field));
        var after = (await s.Complaint(id).GetAsync())!;
        Assert.Equal((ComplaintStatus.AwaitingReview, submitted.Version), (after.Status, after.Version));
    }

    [Fact]
    public async Task AReviewSendsFindingsBackAndOnlyAnApprovalOfNewFindingsResolves()
    {
        var s = await ComplaintScenario.CreateAsync(fixture);
        var id = (await s.FileAsync()).Id;
        await s.ApplyAsync(id, ComplaintAction.Acknowledge);
        await s.ApplyAsync(id, ComplaintAction.Investigate);
        await s.ApplyAsync(id, ComplaintAction.SubmitForReview);

        var sentBack = await s.ApplyAsync(id, ComplaintAction.SendBack, actor: "lead.wang", reason: "Check the visit report too.");
        Assert.Equal((ComplaintStatus.Investigating, 1), (sentBack.Status, sentBack.SendBackCount));
        var early = await s.Complaint(id).ApplyAsync(new ComplaintCommand(ComplaintAction.Approve, "lead.wang"));
        Assert.Equal(ErrorKind.Conflict, early.Error!.Kind);
        Assert.Equal(["submitForReview"], early.Error.AllowedActions.ToArray());

        await s.ApplyAsync(id, ComplaintAction.SubmitForReview);
        var resolved = await s.ApplyAsync(id, ComplaintAction.Approve, actor: "lead.wang");

        Assert.Equal(ComplaintStatus.Resolved, resolved.Status);
        var sendBack = (await s.HistoryAsync(id)).Single(e => e.Kind == "sendBack");
        Assert.Equal(("lead.wang", "Check the visit report too."), (sendBack.Actor, sendBack.Details));
    }

    [Fact]
    public async Task TheCustomersRejectionReopensTheInvestigationAndStopsTheTimeout()
    {
        var s = await ComplaintScenario.CreateAsync(fixture);
        var id = (await s.ResolvedAsync()).Id;

        var rejected = await s.ApplyAsync(id, ComplaintAction.Reject, actor: "customer", reason: "The pump still leaks.");

        Assert.Equal((ComplaintStatus.Investigating, 1, (DateTimeOffset?)null), (rejected.Status, rejected.ReopenCount, rejected.AutoCloseAt));
    }

    [Fact]
    public async Task FindingsWithoutACorrectiveActionAreRefusedByField()
    {
        var s = await ComplaintScenario.CreateAsync(fixture);
        var id = (await s.FileAsync()).Id;
        await s.ApplyAsync(id, ComplaintAction.Acknowledge);
        await s.ApplyAsync(id, ComplaintAction.Investigate);

        var refused = await s.Complaint(id).ApplyAsync(new ComplaintCommand(ComplaintAction.SubmitForReview, "agent.li") { RootCause = RootCauseCategory.ProcessGap });

        Assert.Equal((ErrorKind.Validation, "correctiveAction"), (refused.Error!.Kind, refused.Error.Field));
    }

    [Fact]
    public async Task AStaleExpectedVersionIsRefusedWithoutAChange()
    {
        var s = await ComplaintScenario.CreateAsync(fixture);
        var id = (await s.FileAsync()).Id;

        var refused = await s.Complaint(id).ApplyAsync(new ComplaintCommand(ComplaintAction.Acknowledge, "agent.li", ExpectedVersion: 7));

        Assert.Equal(ErrorKind.PreconditionFailed, refused.Error!.Kind);
        Assert.Equal(ComplaintStatus.Received, (await s.Complaint(id).GetAsync())!.Status);
    }

    [Fact]
    public async Task FilingChecksThatEveryLinkExistsAndBelongsToTheCustomer()
    {
        var s = await ComplaintScenario.CreateAsync(fixture);
        var other = await s.Scenario.CustomerAsync();
        var othersCase = (await s.Scenario.OpenCaseAsync(other.Id)).Number;
        var model = (await s.Scenario.ModelAsync()).Code;
        var othersDevice = await s.Scenario.DeviceAsync(other.Id, model);

        async Task<CommandError> RefusedAsync(FileComplaintRequest request) =>
            (await s.Complaint(Scenario.NewId("CMP")).FileAsync(request)).Error!;

        Assert.Equal((ErrorKind.NotFound, "customerId"), Of(await RefusedAsync(s.Request() with { CustomerId = Scenario.NewId("C") })));
        Assert.Equal((ErrorKind.NotFound, "caseNumber"), Of(await RefusedAsync(s.Request() with { CaseNumber = "AS-1999-000001" })));
        Assert.Equal((ErrorKind.Unprocessable, "caseNumber"), Of(await RefusedAsync(s.Request() with { CaseNumber = othersCase })));
        Assert.Equal((ErrorKind.Unprocessable, "deviceSerial"), Of(await RefusedAsync(s.Request() with { CaseNumber = null, DeviceSerial = othersDevice })));
        Assert.Equal((ErrorKind.NotFound, "deviceSerial"), Of(await RefusedAsync(s.Request() with { DeviceSerial = Scenario.NewId("SN") })));
        Assert.Equal((ErrorKind.NotFound, "technicianId"), Of(await RefusedAsync(s.Request() with { TechnicianId = Scenario.NewId("T") })));
        Assert.Equal((ErrorKind.Validation, "technicianId"), Of(await RefusedAsync(s.Request() with { TechnicianId = null })));

        static (ErrorKind, string?) Of(CommandError error) => (error.Kind, error.Field);
    }

    [Fact]
    public async Task ARefiledRequestWithTheSameHashIsAReplayAndADifferentOneAConflict()
    {
        var s = await ComplaintScenario.CreateAsync(fixture);
        var id = Scenario.NewId("CMP");
        var request = s.Request() with { RequestHash = "hash-1" };
        var first = (await s.Complaint(id).FileAsync(request)).Value!;

        var replay = await s.Complaint(id).FileAsync(request);
        var other = await s.Complaint(id).FileAsync(request with { RequestHash = "hash-2" });

        Assert.True(replay.Replayed);
        Assert.Equal(first.Version, replay.Value!.Version);
        Assert.Equal(ErrorKind.Conflict, other.Error!.Kind);
    }

    [Fact]
    public async Task AnEscalationRaisesTheSeverityBringsTheAcknowledgementForwardAndIsRecorded()
    {
        var s = await ComplaintScenario.CreateAsync(fixture);
        var filed = await s.FileAsync(s.Request(ComplaintSeverity.Low));

        var escalated = (await s.Complaint(filed.Id).EscalateAsync(new EscalateComplaintRequest(ComplaintSeverity.Critical, "Press coverage.", "lead.wang"))).Value!;
        var lower = await s.Complaint(filed.Id).EscalateAsync(new EscalateComplaintRequest(ComplaintSeverity.High, "Calmer now.", "lead.wang"));

        Assert.Equal((ComplaintSeverity.Critical, filed.ReceivedAt + TimeSpan.FromHours(4)), (escalated.Severity, escalated.Acknowledgement.DueAt));
        Assert.Equal((ErrorKind.Unprocessable, "severity"), (lower.Error!.Kind, lower.Error.Field));
        var recorded = (await s.HistoryAsync(filed.Id)).Single(e => e.Kind == ComplaintEventKinds.Escalated);
        Assert.StartsWith("low → critical: Press coverage.", recorded.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AResolvedComplaintCannotBeEscalated()
    {
        var s = await ComplaintScenario.CreateAsync(fixture);
        var id = (await s.ResolvedAsync()).Id;

        var refused = await s.Complaint(id).EscalateAsync(new EscalateComplaintRequest(ComplaintSeverity.Critical, "Too late.", "lead.wang"));

        Assert.Equal(ErrorKind.Conflict, refused.Error!.Kind);
        Assert.Equal(["confirm", "reject"], refused.Error.AllowedActions.ToArray());
    }
}
