using System.Globalization;
using System.Net;
using AfterSales.Cases;
using AfterSales.Domain.Webhooks;
using AfterSales.Tests.Grains.Infrastructure;
using AfterSales.Webhooks;

namespace AfterSales.Tests.Grains;

/// <summary>Webhook deliveries on the test cluster: the queues follow the journal, retry on the shared clock with
/// backoff, keep each case's events in order and dead-letter what fails every attempt without holding up other cases.</summary>
[Collection(ClusterCollection.Name)]
public sealed class WebhookDeliveryTests(ClusterFixture fixture)
{
    private const string Secret = "whsec-grain-tests-0123456789";

    private IWebhookSubscriptionsGrain Subscriptions => fixture.Grains.GetGrain<IWebhookSubscriptionsGrain>(IWebhookSubscriptionsGrain.Key);

    private async Task<string> SubscribeAsync(WebhookEndpoint endpoint, params string[] eventTypes)
    {
        var id = "wh-" + Guid.NewGuid().ToString("N");
        var created = await Subscriptions.CreateAsync(new CreateWebhookSubscription(id, endpoint.Url, [.. eventTypes], Secret));
        Assert.True(created.IsSuccess, created.Error?.Message);
        return id;
    }

    private async Task<WebhookDelivery[]> LogAsync(string id, string caseNumber) =>
        [.. (await Subscriptions.GetDeliveriesAsync(id, null, WebhookLimits.LogPageMax))!.Deliveries.Where(d => d.CaseNumber == caseNumber)];

    /// <summary>Polls until <paramref name="condition"/> holds: deliveries run on the silos' timers.</summary>
    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for: {what}");
            await Task.Delay(20);
        }
    }

    /// <summary>Waits until the log holds attempt <paramref name="attempt"/> at the case's opening event: only then is its
    /// next attempt's due time fixed, so a clock moved before it could move the due time along with it.</summary>
    private Task AttemptLoggedAsync(string id, string caseNumber, int attempt) =>
        EventuallyAsync(async () => (await LogAsync(id, caseNumber)).Any(d => d.EventType == CaseEventKinds.Opened && d.Attempt >= attempt),
            $"attempt {attempt} in the log");

    private Task AdvancePastRetryAsync()
    {
        // The longest wait of any attempt here is the cap; one minute more than that makes any retry due.
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AReceiverThatFailsTwiceGetsTheEventOnTheThirdAttemptAndTheCasesLaterEventsWait()
    {
        var endpoint = fixture.Webhooks.Open(r => r.EventType == CaseEventKinds.Opened && r.Attempt < 3 ? HttpStatusCode.InternalServerError : HttpStatusCode.OK);
        var id = await SubscribeAsync(endpoint, CaseEventKinds.Opened, CaseEventKinds.Assigned, CaseEventKinds.Queued);
        try
        {
            var scenario = new Scenario(fixture);
            var opened = await scenario.OpenCaseAsync((await scenario.CustomerAsync()).Id);
            var mine = () => endpoint.Received.Where(r => r.CaseNumber == opened.Number).ToList();

            for (var attempt = 1; attempt <= 3; attempt++)
            {
                var seen = attempt;
                await AttemptLoggedAsync(id, opened.Number, seen);
                await AdvancePastRetryAsync();
            }
            await EventuallyAsync(() => Task.FromResult(mine().Any(r => r.EventType != CaseEventKinds.Opened)), "the case's next event");

            var received = mine();
            Assert.Equal([1, 2, 3], received.Take(3).Select(r => r.Attempt));
            Assert.All(received.Take(3), r => Assert.Equal(CaseEventKinds.Opened, r.EventType));
            Assert.Single(received.Take(3).Select(r => r.EventId).Distinct());
            Assert.All(received.Skip(3), r => Assert.True(r.Sequence > 1));
            Assert.All(received, r => Assert.True(WebhookSignature.Verify(Secret, long.Parse(r.Timestamp, CultureInfo.InvariantCulture), r.Body, r.Signature)));

            var log = await LogAsync(id, opened.Number);
            var attempts = log.Where(d => d.EventType == CaseEventKinds.Opened).ToArray();
            Assert.Equal([WebhookDeliveryOutcome.Failed, WebhookDeliveryOutcome.Failed, WebhookDeliveryOutcome.Delivered], attempts.Select(d => d.Outcome));
            // Exponential backoff with jitter: 5–10 s after the first failure, 10–20 s after the second.
            Assert.InRange(attempts[0].NextAttemptAt!.Value - attempts[0].FinishedAt, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10));
            Assert.InRange(attempts[1].NextAttemptAt!.Value - attempts[1].FinishedAt, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20));
            Assert.Null(attempts[2].NextAttemptAt);
        }
        finally
        {
            await Subscriptions.DeleteAsync(id, null);
        }
    }

    [Fact]
    public async Task ARetryAfterTheCustomersEraseSendsTheEventAsTheJournalReadsNow()
    {
        var endpoint = fixture.Webhooks.Open(r => r.EventType == CaseEventKinds.Opened && r.Attempt < 2 ? HttpStatusCode.InternalServerError : HttpStatusCode.OK);
        var id = await SubscribeAsync(endpoint, CaseEventKinds.Opened);
        try
        {
            var scenario = new Scenario(fixture);
            var customer = await scenario.CustomerAsync();
            var opened = await scenario.OpenCaseAsync(customer.Id);
            await AttemptLoggedAsync(id, opened.Number, 1);

            Assert.True(await scenario.Case(opened.Number).ErasePersonalDataAsync(customer.Id));
            // The reader offers the queues the erase's event now (its timer would, a poll later).
            await fixture.Grains.GetGrain<IWebhookReaderGrain>(IWebhookReaderGrain.Key).RefreshAsync();
            await AdvancePastRetryAsync();
            await AttemptLoggedAsync(id, opened.Number, 2);

            var received = endpoint.Received.Where(r => r.CaseNumber == opened.Number && r.EventType == CaseEventKinds.Opened).ToList();
            Assert.Equal([1, 2], received.Select(r => r.Attempt));
            Assert.Single(received.Select(r => r.EventId).Distinct());
            Assert.DoesNotContain("[erased]", received[0].Body, StringComparison.Ordinal);
            Assert.Contains("[erased]", received[1].Body, StringComparison.Ordinal);
            Assert.True(WebhookSignature.Verify(Secret, long.Parse(received[1].Timestamp, CultureInfo.InvariantCulture), received[1].Body, received[1].Signature));
        }
        finally
        {
            await Subscriptions.DeleteAsync(id, null);
        }
    }

    [Fact]
    public async Task AnEventThatFailsEveryAttemptIsDeadLetteredWithoutHoldingUpOtherCasesOrItsOwnLaterEvents()
    {
        string? stuck = null;
        var endpoint = fixture.Webhooks.Open(r => r.CaseNumber == stuck && r.EventType == CaseEventKinds.Opened ? null : HttpStatusCode.NoContent);
        var id = await SubscribeAsync(endpoint, CaseEventKinds.Opened, CaseEventKinds.Note);
        try
        {
            var scenario = new Scenario(fixture);
            var customer = await scenario.CustomerAsync();
            stuck = await scenario.NewCaseNumberAsync();
            await scenario.OpenCaseAsync(customer.Id, number: stuck);
            var other = await scenario.OpenCaseAsync(customer.Id);

            // The other case is delivered while the stuck one waits for its retry: no clock moved.
            await EventuallyAsync(() => Task.FromResult(endpoint.Received.Any(r => r.CaseNumber == other.Number)), "the other case");
            for (var attempt = 1; attempt < ClusterFixture.WebhookMaxAttempts; attempt++)
            {
                var seen = attempt;
                await AttemptLoggedAsync(id, stuck, seen);
                await AdvancePastRetryAsync();
            }
            await EventuallyAsync(async () => (await LogAsync(id, stuck)).Any(d => d.Outcome == WebhookDeliveryOutcome.DeadLettered), "the dead letter");

            var noted = await fixture.Grains.GetGrain<ICaseGrain>(stuck).AddNoteAsync(new AddNoteCommand("Customer called back.", NoteVisibility.Internal, "agent-1"));
            Assert.True(noted.IsSuccess, noted.Error?.Message);
            await EventuallyAsync(() => Task.FromResult(endpoint.Received.Any(r => r.CaseNumber == stuck && r.EventType == CaseEventKinds.Note)), "the later note");

            var log = await LogAsync(id, stuck);
            var dead = Assert.Single(log, d => d.Outcome == WebhookDeliveryOutcome.DeadLettered);
            Assert.Equal(ClusterFixture.WebhookMaxAttempts, dead.Attempt);
            Assert.Equal("request failed: connectionError", dead.Error);
            Assert.Contains(log, d => d.EventType == CaseEventKinds.Note && d.Outcome == WebhookDeliveryOutcome.Delivered);

            var again = await Subscriptions.RedeliverAsync(id, dead.EventId);
            Assert.True(again.IsSuccess, again.Error?.Message);
            Assert.Equal(1, again.Value!.Sequence);
            await EventuallyAsync(() => Task.FromResult(endpoint.Received.Count(r => r.CaseNumber == stuck && r.EventType == CaseEventKinds.Opened) > ClusterFixture.WebhookMaxAttempts),
                "the redelivered attempt");
            Assert.False((await Subscriptions.RedeliverAsync(id, Guid.NewGuid())).IsSuccess);
        }
        finally
        {
            await Subscriptions.DeleteAsync(id, null);
        }
    }

    [Fact]
    public async Task EventsWrittenBeforeTheSubscriptionAreNotSentAndEachLaterOneIsSentOnce()
    {
        var scenario = new Scenario(fixture);
        var customer = await scenario.CustomerAsync();
        var before = await scenario.OpenCaseAsync(customer.Id);
        var endpoint = fixture.Webhooks.Open(_ => HttpStatusCode.OK);
        var id = await SubscribeAsync(endpoint, CaseEventKinds.Opened, CaseEventKinds.Note);
        try
        {
            var after = await scenario.OpenCaseAsync(customer.Id);
            var noted = await fixture.Grains.GetGrain<ICaseGrain>(before.Number).AddNoteAsync(new AddNoteCommand("Parts arrived.", NoteVisibility.Internal, "agent-1"));
            Assert.True(noted.IsSuccess, noted.Error?.Message);

            await EventuallyAsync(() => Task.FromResult(
                endpoint.Received.Any(r => r.CaseNumber == after.Number) && endpoint.Received.Any(r => r.CaseNumber == before.Number)), "both cases");
            // A later case: the page that brings it re-reads the earlier events within the overlap, which must not be sent again.
            var marker = await scenario.OpenCaseAsync(customer.Id);
            await EventuallyAsync(() => Task.FromResult(endpoint.Received.Any(r => r.CaseNumber == marker.Number)), "the later case");

            Assert.Equal([CaseEventKinds.Note], endpoint.Received.Where(r => r.CaseNumber == before.Number).Select(r => r.EventType));
            Assert.Single(endpoint.Received, r => r.CaseNumber == after.Number && r.EventType == CaseEventKinds.Opened);
        }
        finally
        {
            await Subscriptions.DeleteAsync(id, null);
        }
    }
}
