using AfterSales.Complaints;
using AfterSales.Tests.Grains.Infrastructure;

namespace AfterSales.Tests.Grains;

/// <summary>A complaint's reminder: the acknowledgement target and the closing timeout, on the test's clock, each acted on
/// once, also after the complaint was deactivated.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ComplaintClockTests(ClusterFixture fixture)
{
    [Fact]
    public async Task AResolvedComplaintKeepsAReminderAndClosesOnceWhenTheCustomerDoesNotAnswerInTime()
    {
        var s = await ComplaintScenario.CreateAsync(fixture);
        var resolved = await s.ResolvedAsync();
        Assert.NotNull(await s.ClockAsync(resolved.Id));

        await s.TickAsync(resolved.Id);
        Assert.Equal(ComplaintStatus.Resolved, (await s.Complaint(resolved.Id).GetAsync())!.Status);

        fixture.Clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromSeconds(1));
        await fixture.Cluster.DeactivateAsync(s.Complaint(resolved.Id));
        await Task.WhenAll(s.TickAsync(resolved.Id), s.TickAsync(resolved.Id));
        await s.TickAsync(resolved.Id);

        var closed = (await s.Complaint(resolved.Id).GetAsync())!;
        Assert.Equal((ComplaintStatus.Closed, ComplaintClosure.Timeout), (closed.Status, closed.Closure));
        Assert.Equal(resolved.Version + 1, closed.Version);
        var history = await s.HistoryAsync(resolved.Id);
        var autoClosed = Assert.Single(history, e => e.Kind == ComplaintEventKinds.AutoClosed);
        Assert.Equal(("system", (ComplaintStatus?)ComplaintStatus.Resolved, (ComplaintStatus?)ComplaintStatus.Closed), (autoClosed.Actor, autoClosed.From, autoClosed.To));
        Assert.Null(await s.ClockAsync(resolved.Id));
    }

    [Fact]
    public async Task TheCustomersConfirmationBeforeTheTimeoutLeavesNothingForTheClock()
    {
        var s = await ComplaintScenario.CreateAsync(fixture);
        var id = (await s.ResolvedAsync()).Id;

        var confirmed = await s.ApplyAsync(id, ComplaintAction.Confirm, actor: "customer");
        fixture.Clock.Advance(TimeSpan.FromDays(15));
        await s.TickAsync(id);

        Assert.Equal(ComplaintClosure.Confirmed, (await s.Complaint(id).GetAsync())!.Closure);
        Assert.Equal(confirmed.Version, (await s.Complaint(id).GetAsync())!.Version);
        Assert.Null(await s.ClockAsync(id));
    }

    [Fact]
    public async Task AnUnacknowledgedComplaintRecordsThePassingOfItsTargetOnceAndTheLateAcknowledgementMissesIt()
    {
        var s = await ComplaintScenario.CreateAsync(fixture);
        var filed = await s.FileAsync(s.Request(ComplaintSeverity.Critical));
        Assert.NotNull(await s.ClockAsync(filed.Id));
        Assert.Null(filed.Acknowledgement.Met);

        fixture.Clock.Advance(TimeSpan.FromHours(4) + TimeSpan.FromSeconds(1));
        await s.TickAsync(filed.Id);
        await s.TickAsync(filed.Id);
        var overdue = (await s.Complaint(filed.Id).GetAsync())!;
        var acknowledged = await s.ApplyAsync(filed.Id, ComplaintAction.Acknowledge);

        Assert.False(overdue.Acknowledgement.Met);
        Assert.Equal(ComplaintStatus.Received, overdue.Status);
        Assert.Single(await s.HistoryAsync(filed.Id), e => e.Kind == ComplaintEventKinds.AcknowledgementOverdue);
        Assert.False(acknowledged.Acknowledgement.Met);
        Assert.Equal(overdue.Acknowledgement.DueAt, acknowledged.Acknowledgement.DueAt);
        Assert.Null(await s.ClockAsync(filed.Id));
    }
}
