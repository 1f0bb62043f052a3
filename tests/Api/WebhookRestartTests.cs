using System.Net;
using AfterSales.Api.Webhooks;
using AfterSales.Tests.Api.Infrastructure;
using AfterSales.Webhooks;

namespace AfterSales.Tests.Api;

/// <summary>Webhook deliveries across a restart of the process on the same data: what was delivered is not sent again
/// (the queues resume from their checkpoints), and what was still waiting is delivered.</summary>
public sealed class WebhookRestartTests
{
    [Fact]
    public async Task ARestartResumesFromTheCheckpointWithoutResendingWhatWasDelivered()
    {
        var failing = true;
        await using var receiver = await WebhookReceiver.StartAsync(d => d.CaseNumber == waiting && failing ? 503 : 200);
        var dataDirectory = ApiApplication.NewDataDirectory();
        string subscriptionId;
        string delivered;
        try
        {
            await using (var before = WebhookApp(dataDirectory))
            {
                await ((IAsyncLifetime)before).InitializeAsync();
                var api = new ApiDriver(before.CreateApiClient());
                using (var created = await api.PostAsync("/api/webhooks/subscriptions",
                    new { url = receiver.Url, eventTypes = new[] { "opened" }, secret = "whsec-restart-0123456789" }))
                {
                    subscriptionId = (await ApiDriver.ReadAsync<WebhookSubscriptionResponse>(created, HttpStatusCode.Created)).Id;
                }
                var customer = await api.CreateCustomerAsync();
                delivered = (await api.OpenCaseAsync(customer.Id)).Number;
                await ApiDriver.EventuallyAsync(() => Task.FromResult(receiver.Received.Any(d => d.CaseNumber == delivered)), "the first case's delivery", 30);
                waiting = (await api.OpenCaseAsync(customer.Id)).Number;
                await ApiDriver.EventuallyAsync(() => Task.FromResult(receiver.Received.Any(d => d.CaseNumber == waiting)), "a failed attempt at the second case", 30);
            }
            failing = false;
            var deliveredBefore = receiver.Received.Count(d => d.CaseNumber == delivered);

            await using var after = WebhookApp(dataDirectory);
            await ((IAsyncLifetime)after).InitializeAsync();
            var again = new ApiDriver(after.CreateApiClient());

            await ApiDriver.EventuallyAsync(async () =>
            {
                using var response = await again.SendAsync(HttpMethod.Get, $"/api/webhooks/subscriptions/{subscriptionId}/deliveries?limit=200", null);
                var log = await ApiDriver.ReadAsync<WebhookDeliveryListResponse>(response, HttpStatusCode.OK);
                return log.Deliveries.Any(d => d.CaseNumber == waiting && d.Outcome == WebhookDeliveryOutcome.Delivered);
            }, "the waiting event delivered after the restart", 60);
            // A third case: the restarted reader follows the journal on from its checkpoint.
            var third = (await again.OpenCaseAsync((await again.CreateCustomerAsync()).Id)).Number;
            await ApiDriver.EventuallyAsync(() => Task.FromResult(receiver.Received.Any(d => d.CaseNumber == third)), "the third case's delivery", 30);

            Assert.Equal(1, deliveredBefore);
            Assert.Equal(deliveredBefore, receiver.Received.Count(d => d.CaseNumber == delivered));
            Assert.Single(receiver.Received, d => d.CaseNumber == third);
            var waitingIds = receiver.Received.Where(d => d.CaseNumber == waiting).Select(d => d.EventId).Distinct().ToArray();
            Assert.Single(waitingIds);
        }
        finally
        {
            ApiApplication.DeleteDataDirectory(dataDirectory);
        }
    }

    private string? waiting;

    private static RestartableWebhookApp WebhookApp(string dataDirectory) => new(dataDirectory);

    /// <summary>The webhook test settings on a data directory the test keeps.</summary>
    private sealed class RestartableWebhookApp(string dataDirectory) : ApiApplication(dataDirectory, ownsDataDirectory: false)
    {
        // Enough attempts that the waiting event is still waiting when the first process stops.
        protected override IReadOnlyDictionary<string, string> Settings { get; } =
            new Dictionary<string, string>(WebhookApiApplication.WebhookSettings) { ["AfterSales:Webhooks:MaxAttempts"] = "50" };
    }
}
