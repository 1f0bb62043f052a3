using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Installation;
using AfterSales.Models;
using AfterSales.Tests.Grains.Infrastructure;

namespace AfterSales.Tests.Grains;

[Collection(ClusterCollection.Name)]
public sealed class CommissioningGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task TheChecklistIsCopiedFromTheDeviceModelWithNoAnswersYet()
    {
        var order = await new WorkOrders(fixture).AssignedAsync();

        var checklist = (await order.Commissioning.GetChecklistAsync()).Value!;

        Assert.Equal((order.Number, order.Serial, 1), (checklist.WorkOrderNumber, checklist.DeviceSerial, checklist.Version));
        Assert.Equal(WorkOrders.Checklist, checklist.Items.Select(i => i.Template).ToArray());
        Assert.All(checklist.Items, item => Assert.Null(item.Answer));
        Assert.Equal(new ChecklistProgress(3, 0, 2, 0, 0, 0), checklist.Progress);
        Assert.Null(checklist.Outcome);
    }

    [Fact]
    public async Task AnAcceptedAnswerIsJudgedRecordedAndCountedAndRaisesTheVersion()
    {
        var order = await new WorkOrders(fixture).AssignedAsync();

        var checklist = await order.AnswerAsync(
            WorkOrder.Check("grounding", true),
            WorkOrder.Measure("supply-voltage", 240m, " V "),
            WorkOrder.Measure("noise", 64m, "dB", deviation: true, note: "Fan bearing hums."));

        var voltage = checklist.Items.Single(i => i.Template.Id == "supply-voltage").Answer!;
        var noise = checklist.Items.Single(i => i.Template.Id == "noise").Answer!;
        Assert.Equal((true, 240m, "V", false), (voltage.Passed, voltage.Value, voltage.Unit, voltage.Deviation));
        Assert.Equal((false, true, "Fan bearing hums."), (noise.Passed, noise.Deviation, noise.Note));
        Assert.Equal(new ChecklistProgress(3, 3, 2, 2, 2, 1), checklist.Progress);
        Assert.Equal(4, checklist.Version);
    }

    [Fact]
    public async Task AnswersThatDoNotFitTheirItemAreRefusedOnTheirFieldAndChangeNothing()
    {
        var order = await new WorkOrders(fixture).AssignedAsync();
        await order.AnswerAsync(WorkOrder.Measure("supply-voltage", 230m, "V"));

        WorkOrder.Refused(await order.Commissioning.RecordAnswerAsync(WorkOrder.Measure("supply-voltage", 250m, "V")), ErrorKind.Unprocessable, "value");
        WorkOrder.Refused(await order.Commissioning.RecordAnswerAsync(WorkOrder.Measure("supply-voltage", 230m, "v")), ErrorKind.Unprocessable, "unit");
        WorkOrder.Refused(await order.Commissioning.RecordAnswerAsync(WorkOrder.Measure("supply-voltage", 250m, "V", deviation: true)), ErrorKind.Unprocessable, "note");
        WorkOrder.Refused(await order.Commissioning.RecordAnswerAsync(WorkOrder.Measure("grounding", 1m, "V")), ErrorKind.Unprocessable, "value");
        WorkOrder.Refused(await order.Commissioning.RecordAnswerAsync(WorkOrder.Check("supply-voltage", true)), ErrorKind.Unprocessable, "passed");
        WorkOrder.Refused(await order.Commissioning.RecordAnswerAsync(WorkOrder.Check("leak-test", true)), ErrorKind.NotFound, "itemId");
        WorkOrder.Refused(await order.Commissioning.RecordAnswerAsync(WorkOrder.Check("grounding", true, expectedVersion: 1)), ErrorKind.PreconditionFailed);
        WorkOrder.Refused(await order.Commissioning.RecordAnswerAsync(
            WorkOrder.Check("grounding", true) with { Photos = ["javascript:alert(1)"] }), ErrorKind.Validation, "photos[0]");

        var checklist = (await order.Commissioning.GetChecklistAsync()).Value!;
        Assert.Equal(2, checklist.Version);
        Assert.Equal(230m, checklist.Items.Single(i => i.Template.Id == "supply-voltage").Answer!.Value);
        Assert.Null(checklist.Items.Single(i => i.Template.Id == "grounding").Answer);
    }

    [Fact]
    public async Task TheSameAnswerAgainIsNoChange()
    {
        var order = await new WorkOrders(fixture).AssignedAsync();
        var first = await order.AnswerAsync(WorkOrder.Check("grounding", true, note: "Checked twice."));

        var again = await order.AnswerAsync(WorkOrder.Check("grounding", true, note: "Checked twice."));

        Assert.Equal(first.Version, again.Version);
    }

    [Fact]
    public async Task AWorkOrderThatIsNotAssignedTakesNoAnswersAndACaseOfAnotherTypeHasNoChecklist()
    {
        var orders = new WorkOrders(fixture);
        var customer = await orders.Scenario.CustomerAsync();
        var queued = await orders.Scenario.OpenWorkOrderAsync(customer.Id, await orders.ModelAsync());
        var fault = await orders.Scenario.OpenCaseAsync(customer.Id);
        var commissioning = fixture.Grains.GetGrain<ICommissioningGrain>(queued.Number);

        Assert.Equal(CaseStatus.New, queued.Status);
        Assert.True((await commissioning.GetChecklistAsync()).IsSuccess);
        WorkOrder.Refused(await commissioning.RecordAnswerAsync(WorkOrder.Check("grounding", true)), ErrorKind.Conflict);
        WorkOrder.Refused(await fixture.Grains.GetGrain<ICommissioningGrain>(fault.Number).GetChecklistAsync(), ErrorKind.NotFound, "number");
        WorkOrder.Refused(await fixture.Grains.GetGrain<ICommissioningGrain>("AS-1999-000001").GetChecklistAsync(), ErrorKind.NotFound, "number");
    }

    [Fact]
    public async Task SubmittingWithRequiredItemsUnansweredIs422AndStoresNoReport()
    {
        var order = await new WorkOrders(fixture).AssignedAsync();
        await order.AnswerAsync(WorkOrder.Check("grounding", true));

        var refused = await order.Commissioning.SubmitAsync(order.SignOff());

        WorkOrder.Refused(refused, ErrorKind.Unprocessable, "checklist");
        Assert.Contains("supply-voltage", refused.Error!.Message, StringComparison.Ordinal);
        Assert.Null(await order.Commissioning.GetReportAsync());
        Assert.Equal(CaseStatus.Assigned, (await order.Case.GetAsync())!.Status);
    }

    [Fact]
    public async Task ASignOffInTheFutureOrWithoutANameIsRefused()
    {
        var order = await new WorkOrders(fixture).AssignedAsync();
        await order.PassAsync();
        var future = order.SignOff() with { SignOff = new CustomerSignOff("Wang Fang", fixture.Clock.GetUtcNow().AddHours(1)) };

        WorkOrder.Refused(await order.Commissioning.SubmitAsync(future), ErrorKind.Validation, "signOff.signedAt");
        WorkOrder.Refused(await order.Commissioning.SubmitAsync(order.SignOff(name: " ")), ErrorKind.Validation, "signOff.name");
        Assert.Null(await order.Commissioning.GetReportAsync());
    }

    [Fact]
    public async Task AReportIsAcceptedOnceARetryWithItsKeyReplaysItAndAnyOtherSubmissionOrAnswerIs409()
    {
        var order = await new WorkOrders(fixture).AssignedAsync();
        await order.PassAsync();
        var submitted = await order.Commissioning.SubmitAsync(order.SignOff());
        var resolved = await order.Case.GetAsync();

        var retry = await order.Commissioning.SubmitAsync(order.SignOff());
        var second = await order.Commissioning.SubmitAsync(order.SignOff(key: "submit-2", name: "Li Lei"));
        var sameKeyOtherBody = await order.Commissioning.SubmitAsync(order.SignOff(name: "Li Lei"));
        var answer = await order.Commissioning.RecordAnswerAsync(WorkOrder.Measure("supply-voltage", 220m, "V"));

        Assert.True(submitted.IsSuccess, submitted.Error?.Message);
        Assert.True(retry.Replayed);
        SameAs.Expected(submitted.Value, retry.Value);
        WorkOrder.Refused(second, ErrorKind.Conflict);
        WorkOrder.Refused(sameKeyOtherBody, ErrorKind.IdempotencyMismatch);
        WorkOrder.Refused(answer, ErrorKind.Conflict);
        SameAs.Expected(submitted.Value, await order.Commissioning.GetReportAsync());
        SameAs.Expected(resolved, await order.Case.GetAsync());
    }
}
