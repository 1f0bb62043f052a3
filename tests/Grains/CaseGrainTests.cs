using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Customers;
using AfterSales.Devices;
using AfterSales.Tests.Grains.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace AfterSales.Tests.Grains;

[Collection(ClusterCollection.Name)]
public sealed class CaseGrainTests(ClusterFixture fixture)
{
    private async Task<(Scenario Scenario, string Technician, CaseSnapshot Case)> AssignedCaseAsync(int capacity = 3)
    {
        var scenario = new Scenario(fixture);
        var technician = await scenario.TechnicianAsync(Department.TechnicalSupport, capacity);
        var customer = await scenario.CustomerAsync();
        var opened = await scenario.OpenCaseAsync(customer.Id);
        Assert.Equal(CaseStatus.Assigned, opened.Status);
        return (scenario, technician, opened);
    }

    [Fact]
    public async Task ACaseWalksTheWholeLifecycleAndRecordsItsTimestamps()
    {
        var (scenario, technician, opened) = await AssignedCaseAsync();
        var number = opened.Number;

        var started = await scenario.ApplyAsync(number, CaseAction.Start);
        var waiting = await scenario.ApplyAsync(number, CaseAction.Wait);
        var resumed = await scenario.ApplyAsync(number, CaseAction.Resume);
        var resolved = await scenario.ResolveAsync(number);
        var closed = await scenario.ApplyAsync(number, CaseAction.Close);

        Assert.Equal(
            [CaseStatus.InProgress, CaseStatus.WaitingForCustomer, CaseStatus.InProgress, CaseStatus.Resolved, CaseStatus.Closed],
            new[] { started, waiting, resumed, resolved, closed }.Select(c => c.Status));
        Assert.NotNull(started.FirstResponseAt);
        Assert.Equal(started.FirstResponseAt, closed.FirstResponseAt);
        Assert.Equal("Replaced the seal.", closed.ResolutionSummary);
        Assert.NotNull(closed.ResolvedAt);
        Assert.NotNull(closed.ClosedAt);
        Assert.Empty(closed.AllowedActions);
        Assert.Equal(opened.Version + 5, closed.Version);
        Assert.Empty(await scenario.AssignedCasesAsync(technician));
    }

    [Fact]
    public async Task AnIllegalTransitionIsAConflictNamingTheStateAndTheAllowedActions()
    {
        var (scenario, _, opened) = await AssignedCaseAsync();

        var result = await scenario.Case(opened.Number).ApplyAsync(new CaseCommand(CaseAction.Close, "tech-1"));

        Assert.Equal(ErrorKind.Conflict, result.Error?.Kind);
        Assert.Equal("Cannot close a case that is assigned; allowed actions: start, cancel.", result.Error?.Message);
        Assert.Equal(new[] { "start", "cancel" }, result.Error!.AllowedActions);
        var unchanged = await scenario.Case(opened.Number).GetAsync();
        Assert.Equal((CaseStatus.Assigned, opened.Version), (unchanged!.Status, unchanged.Version));
    }

    [Fact]
    public async Task ResolvingWithoutASummaryIsAValidationErrorOnTheSummaryField()
    {
        var (scenario, technician, opened) = await AssignedCaseAsync();
        await scenario.ApplyAsync(opened.Number, CaseAction.Start);

        var result = await scenario.Case(opened.Number).ApplyAsync(new CaseCommand(CaseAction.Resolve, "tech-1", Summary: " "));

        Assert.Equal(ErrorKind.Validation, result.Error?.Kind);
        Assert.Equal("summary", result.Error?.Field);
        Assert.Equal(new[] { opened.Number }, await scenario.AssignedCasesAsync(technician));
    }

    [Fact]
    public async Task AStaleExpectedVersionIsRefusedAndTheCurrentOneIsAccepted()
    {
        var (scenario, _, opened) = await AssignedCaseAsync();
        var grain = scenario.Case(opened.Number);

        var stale = await grain.ApplyAsync(new CaseCommand(CaseAction.Start, "tech-1", ExpectedVersion: opened.Version - 1));
        var staleNote = await grain.AddNoteAsync(new AddNoteCommand("hello", NoteVisibility.Internal, "tech-1", opened.Version + 1));
        var current = await grain.ApplyAsync(new CaseCommand(CaseAction.Start, "tech-1", ExpectedVersion: opened.Version));

        Assert.Equal(ErrorKind.PreconditionFailed, stale.Error?.Kind);
        Assert.Equal(ErrorKind.PreconditionFailed, staleNote.Error?.Kind);
        Assert.True(current.IsSuccess);
        Assert.Equal(opened.Version + 1, current.Value!.Version);
    }

    [Fact]
    public async Task TheHistoryRecordsEveryChangeWithActorAndTransition()
    {
        var (scenario, technician, opened) = await AssignedCaseAsync();
        await scenario.ApplyAsync(opened.Number, CaseAction.Start, actor: "tech-9");
        await scenario.Case(opened.Number).AddNoteAsync(new AddNoteCommand("Ordered a seal.", NoteVisibility.Internal, "tech-9"));
        await scenario.ApplyAsync(opened.Number, CaseAction.Resolve, actor: "tech-9", summary: "Seal replaced.");

        var history = (await scenario.Case(opened.Number).ReadAllAsync())!.Value;

        Assert.Equal(
            [
                (1, "agent-1", "opened", (CaseStatus?)null, (CaseStatus?)CaseStatus.New),
                (2, "system", "assigned", CaseStatus.New, CaseStatus.Assigned),
                (3, "tech-9", "start", CaseStatus.Assigned, CaseStatus.InProgress),
                (4, "tech-9", "note", null, null),
                (5, "tech-9", "resolve", CaseStatus.InProgress, CaseStatus.Resolved),
                (6, "tech-9", "surveyIssued", null, null),
            ],
            history.Select(e => (e.Sequence, e.Actor, e.Action, e.From, e.To)));
        Assert.StartsWith(technician, history[1].Details);
        Assert.Equal("Seal replaced.", history[4].Details);
        Assert.All(history, e => Assert.True(e.At >= opened.CreatedAt));
    }

    [Fact]
    public async Task AReopenedCaseGoesBackToTheTechnicianWhoResolvedIt()
    {
        var (scenario, technician, opened) = await AssignedCaseAsync();
        await scenario.ApplyAsync(opened.Number, CaseAction.Start);
        await scenario.ResolveAsync(opened.Number);

        var reopened = await scenario.ApplyAsync(opened.Number, CaseAction.Reopen, actor: "agent-2");

        Assert.Equal(CaseStatus.InProgress, reopened.Status);
        Assert.Equal(1, reopened.ReopenCount);
        Assert.Equal(technician, reopened.AssignedTechnicianId);
        Assert.Null(reopened.ResolvedAt);
        Assert.Equal(new[] { opened.Number }, await scenario.AssignedCasesAsync(technician));
        var last = (await scenario.Case(opened.Number).ReadAllAsync())!.Value[^1];
        Assert.Equal(("agent-2", "reopen", CaseStatus.Resolved, CaseStatus.InProgress, $"back to {technician}"),
            (last.Actor, last.Action, last.From!.Value, last.To!.Value, last.Details));
    }

    [Fact]
    public async Task AReopenedCaseWhoseTechnicianIsOffShiftIsRoutedAgain()
    {
        var (scenario, first, opened) = await AssignedCaseAsync();
        await scenario.ApplyAsync(opened.Number, CaseAction.Start);
        await scenario.ResolveAsync(opened.Number);
        await scenario.Technician(first).SetShiftAsync(false);
        var second = await scenario.TechnicianAsync(Department.TechnicalSupport);

        var reopened = await scenario.ApplyAsync(opened.Number, CaseAction.Reopen);

        Assert.Equal(CaseStatus.Assigned, reopened.Status);
        Assert.Equal(second, reopened.AssignedTechnicianId);
        Assert.Equal(1, reopened.ReopenCount);
        var tail = (await scenario.Case(opened.Number).ReadAllAsync())!.Value.TakeLast(3).ToList();
        Assert.Equal(new[] { "reopen", "rerouted", "assigned" }, tail.Select(e => e.Action));
        Assert.Equal($"{first} refused: off shift", tail[1].Details);
        Assert.Empty(await scenario.AssignedCasesAsync(first));
    }

    [Fact]
    public async Task CancellingAnAssignedCaseFreesTheTechnician()
    {
        var (scenario, technician, opened) = await AssignedCaseAsync();

        var cancelled = await scenario.ApplyAsync(opened.Number, CaseAction.Cancel);

        Assert.Equal(CaseStatus.Cancelled, cancelled.Status);
        Assert.Empty(await scenario.AssignedCasesAsync(technician));
    }

    [Fact]
    public async Task NotesAreKeptAndACustomerVisibleNoteCountsAsFirstResponse()
    {
        var (scenario, _, opened) = await AssignedCaseAsync();
        var grain = scenario.Case(opened.Number);

        var internalNote = await grain.AddNoteAsync(new AddNoteCommand("Checked the logs.", NoteVisibility.Internal, "tech-1"));
        var customerNote = await grain.AddNoteAsync(new AddNoteCommand("We are on it.", NoteVisibility.Customer, "tech-1"));
        var empty = await grain.AddNoteAsync(new AddNoteCommand("", NoteVisibility.Internal, "tech-1"));
        var tooLong = await grain.AddNoteAsync(new AddNoteCommand(new string('x', 4001), NoteVisibility.Internal, "tech-1"));

        Assert.Null(internalNote.Value!.FirstResponseAt);
        Assert.NotNull(customerNote.Value!.FirstResponseAt);
        Assert.Equal(new[] { (1, "Checked the logs."), (2, "We are on it.") }, customerNote.Value.Notes.Select(n => (n.Id, n.Text)));
        Assert.Equal(("text", ErrorKind.Validation), (empty.Error?.Field, empty.Error!.Kind));
        Assert.Equal(("text", ErrorKind.Validation), (tooLong.Error?.Field, tooLong.Error!.Kind));
        Assert.True((await grain.AddNoteAsync(new AddNoteCommand(new string('x', 4000), NoteVisibility.Internal, "tech-1"))).IsSuccess);
    }

    [Fact]
    public async Task OpeningForAnUnknownCustomerOrDeviceIsNotFoundOnTheRightField()
    {
        var scenario = new Scenario(fixture);
        var customer = await scenario.CustomerAsync();
        var stranger = await scenario.CustomerAsync();
        var strangersDevice = await scenario.DeviceAsync(stranger.Id, Scenario.NewId("HX"));

        var noCustomer = await scenario.TryOpenCaseAsync(Scenario.NewId("C"));
        var noDevice = await scenario.TryOpenCaseAsync(customer.Id, deviceSerial: Scenario.NewId("SN"));
        var notTheirs = await scenario.TryOpenCaseAsync(customer.Id, deviceSerial: strangersDevice);

        Assert.Equal((ErrorKind.NotFound, "customerId"), (noCustomer.Error!.Kind, noCustomer.Error.Field));
        Assert.Equal((ErrorKind.NotFound, "deviceSerial"), (noDevice.Error!.Kind, noDevice.Error.Field));
        Assert.Equal((ErrorKind.Validation, "deviceSerial"), (notTheirs.Error!.Kind, notTheirs.Error.Field));
    }

    [Fact]
    public async Task OpeningAgainWithTheSameRequestHashReplaysAndAnythingElseConflicts()
    {
        var scenario = new Scenario(fixture);
        var customer = await scenario.CustomerAsync();
        var number = await fixture.Grains.GetGrain<ICaseNumberGrain>(0).NextAsync();
        var request = new OpenCaseRequest(customer.Id, CaseType.Complaint, CasePriority.High, CaseChannel.Web, "Late visit", "Nobody came.", null, "web")
        {
            IdempotencyKey = "k",
            RequestHash = "h",
        };
        var first = await scenario.Case(number).OpenAsync(request);

        var replay = await scenario.Case(number).OpenAsync(request);
        var other = await scenario.Case(number).OpenAsync(request with { RequestHash = "h2" });

        Assert.True(replay.Replayed);
        SameAs.Expected(first.Value, replay.Value);
        Assert.Equal(ErrorKind.Conflict, other.Error?.Kind);
        Assert.Single((await scenario.Case(number).ReadAllAsync())!.Value, e => e.Action == "opened");
    }

    [Fact]
    public async Task ACaseStoredBeforeItWasRoutedIsRoutedWhenItsOpenIsReplayed()
    {
        var scenario = new Scenario(fixture);
        var technician = await scenario.TechnicianAsync(Department.TechnicalSupport);
        var customer = await scenario.CustomerAsync();
        var number = await fixture.Grains.GetGrain<ICaseNumberGrain>(0).NextAsync();
        // What an older version stored when its open failed after its first write, before the department answered.
        var stored = new CaseState
        {
            Opened = true,
            Type = CaseType.Fault,
            Status = CaseStatus.New,
            CustomerId = customer.Id,
            Subject = "Pump leaks",
            Department = Department.TechnicalSupport,
            Region = scenario.Region,
            CreatedAt = DateTimeOffset.UtcNow,
            RequestHash = "h",
            Version = 1,
        };
        var storage = fixture.Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(StorageNames.Main);
        await storage.WriteStateAsync("case", scenario.Case(number).GetGrainId(), new GrainState<CaseState>(stored));

        var replay = await scenario.Case(number).OpenAsync(
            new OpenCaseRequest(customer.Id, CaseType.Fault, CasePriority.Normal, CaseChannel.Phone, "Pump leaks", "", null, "agent-1") { RequestHash = "h" });

        Assert.True(replay.Replayed);
        Assert.Equal((CaseStatus.Assigned, technician), (replay.Value!.Status, replay.Value.AssignedTechnicianId));
        Assert.Equal(new[] { number }, await scenario.AssignedCasesAsync(technician));
    }

    [Fact]
    public async Task TheCustomersRecentCasesFollowTheCase()
    {
        var (scenario, technician, opened) = await AssignedCaseAsync();
        await scenario.ApplyAsync(opened.Number, CaseAction.Start);
        await scenario.ResolveAsync(opened.Number);

        var recent = await fixture.Grains.GetGrain<ICustomerGrain>(opened.CustomerId).GetRecentCasesAsync();

        var summary = Assert.Single(recent);
        Assert.Equal((opened.Number, CaseStatus.Resolved, technician), (summary.Number, summary.Status, summary.AssignedTechnicianId));
    }

    [Fact]
    public async Task ACaseWhoseWriteFailsIsNotListedForItsCustomer()
    {
        // The customer's summary is written beside the case's own write; a failed case write takes it back.
        var scenario = new Scenario(fixture);
        await scenario.TechnicianAsync(Department.TechnicalSupport);
        var customer = await scenario.CustomerAsync();
        var number = await scenario.NewCaseNumberAsync();
        fixture.Faults.FailNextWrite(fixture.Grains.GetGrain<ICaseGrain>(number).GetGrainId());

        await Assert.ThrowsAnyAsync<Exception>(() => scenario.TryOpenCaseAsync(customer.Id, number: number));

        Assert.Empty(await fixture.Grains.GetGrain<ICustomerGrain>(customer.Id).GetRecentCasesAsync());
        var opened = await scenario.OpenCaseAsync(customer.Id);
        Assert.Equal(opened.Number, Assert.Single(await fixture.Grains.GetGrain<ICustomerGrain>(customer.Id).GetRecentCasesAsync()).Number);
    }

    [Fact]
    public async Task AnUnknownCaseHasNoSnapshotOrHistoryAndRefusesCommands()
    {
        var grain = fixture.Grains.GetGrain<ICaseGrain>("AS-1999-000001");

        Assert.Null(await grain.GetAsync());
        Assert.Null(await grain.ReadAllAsync());
        Assert.Equal(ErrorKind.NotFound, (await grain.ApplyAsync(new CaseCommand(CaseAction.Start, "x"))).Error?.Kind);
        Assert.False(await grain.OnAssignedAsync(new DepartmentAssignment("T-1", "test")));
    }
}
