using System.Globalization;
using System.Net;
using System.Text.Json;
using AfterSales.Api.Webhooks;
using AfterSales.Domain.Webhooks;
using AfterSales.Tests.Api.Infrastructure;
using AfterSales.Webhooks;

namespace AfterSales.Tests.Api;

/// <summary>Webhooks over real HTTP: the API on Kestrel delivers to a receiver on Kestrel, both on loopback.</summary>
public sealed class WebhookTests(WebhookApiApplication app) : IClassFixture<WebhookApiApplication>
{
    private const string Secret = "whsec-test-0123456789abcdef";

    private readonly ApiDriver api = new(app.CreateApiClient());

    private async Task<WebhookSubscriptionResponse> SubscribeAsync(string url, params string[] eventTypes)
    {
        using var response = await api.PostAsync("/api/webhooks/subscriptions", new { url, eventTypes, secret = Secret });
        return await ApiDriver.ReadAsync<WebhookSubscriptionResponse>(response, HttpStatusCode.Created);
    }

    private async Task<WebhookDelivery[]> DeliveriesAsync(string id)
    {
        using var response = await api.SendAsync(HttpMethod.Get, $"/api/webhooks/subscriptions/{id}/deliveries?limit=200", null);
        return [.. (await ApiDriver.ReadAsync<WebhookDeliveryListResponse>(response, HttpStatusCode.OK)).Deliveries];
    }

    [Fact]
    public async Task DeliversSignedEventsInCaseOrderAndRetriesAFailureUnderTheSameEventId()
    {
        // The first attempt at every "opened" event fails: its case's later events must wait for the retry.
        await using var receiver = await WebhookReceiver.StartAsync(d => d.EventType == "opened" && d.Attempt == "1" ? 500 : 200);
        var subscription = await SubscribeAsync(receiver.Url, "opened", "assigned", "queued");
        var customer = await api.CreateCustomerAsync();

        var opened = await api.OpenCaseAsync(customer.Id);

        List<ReceivedDelivery> Of() => [.. receiver.Received.Where(d => d.CaseNumber == opened.Number)];
        await ApiDriver.EventuallyAsync(() => Task.FromResult(Of().Any(d => d.EventType != "opened")), "the case's second event", seconds: 30);
        var received = Of();
        foreach (var delivery in received)
        {
            Assert.True(WebhookSignature.Verify(Secret, long.Parse(delivery.Timestamp, CultureInfo.InvariantCulture), delivery.Body, delivery.Signature),
                $"Signature of {delivery.EventType} does not verify.");
            using var body = JsonDocument.Parse(delivery.Body);
            Assert.Equal(delivery.EventId, body.RootElement.GetProperty("id").GetString());
            Assert.Equal(delivery.EventType, body.RootElement.GetProperty("type").GetString());
            Assert.Equal(opened.Number, body.RootElement.GetProperty("caseNumber").GetString());
        }
        // Two attempts of one event, one id for the receiver to de-duplicate by; the later event only after the retry.
        Assert.Equal(["opened", "opened"], received.Take(2).Select(d => d.EventType));
        Assert.Equal(received[0].EventId, received[1].EventId);
        Assert.Equal(["1", "2"], received.Take(2).Select(d => d.Attempt));
        Assert.Equal("1", received[0].Sequence);
        Assert.All(received.Skip(2), d => Assert.True(long.Parse(d.Sequence, CultureInfo.InvariantCulture) > 1));

        var log = (await DeliveriesAsync(subscription.Id)).Where(d => d.CaseNumber == opened.Number).ToArray();
        var first = Assert.Single(log, d => d.EventType == "opened" && d.Attempt == 1);
        Assert.Equal(WebhookDeliveryOutcome.Failed, first.Outcome);
        Assert.Equal(500, first.StatusCode);
        Assert.NotNull(first.NextAttemptAt);
        var second = Assert.Single(log, d => d.EventType == "opened" && d.Attempt == 2);
        Assert.Equal(WebhookDeliveryOutcome.Delivered, second.Outcome);
        Assert.Equal(first.EventId, second.EventId);
        Assert.Equal(log.OrderBy(d => d.Id, StringComparer.Ordinal).Select(d => d.Id), log.Select(d => d.Id));
    }

    [Fact]
    public async Task ADeadReceiverDeadLettersTheEventAndARedeliveryTriesItAgain()
    {
        // A port nobody listens on: every attempt is refused at once.
        var closed = new WebhookReceiver[1];
        await using (var gone = await WebhookReceiver.StartAsync())
        {
            closed[0] = gone;
        }
        var subscription = await SubscribeAsync(closed[0].Url, "opened");
        var customer = await api.CreateCustomerAsync();
        var opened = await api.OpenCaseAsync(customer.Id);

        WebhookDelivery[] log = [];
        await ApiDriver.EventuallyAsync(async () =>
        {
            log = [.. (await DeliveriesAsync(subscription.Id)).Where(d => d.CaseNumber == opened.Number)];
            return log.Any(d => d.Outcome == WebhookDeliveryOutcome.DeadLettered);
        }, "the dead letter", seconds: 30);
        Assert.Equal([1, 2, 3], log.Select(d => d.Attempt));
        Assert.Equal([WebhookDeliveryOutcome.Failed, WebhookDeliveryOutcome.Failed, WebhookDeliveryOutcome.DeadLettered], log.Select(d => d.Outcome));
        Assert.All(log, d => Assert.Null(d.StatusCode));
        Assert.All(log, d => Assert.StartsWith("request failed", d.Error));

        using (var redeliver = await api.PostAsync($"/api/webhooks/subscriptions/{subscription.Id}/deliveries/{log[0].EventId}/redeliver", new { }))
        {
            var letter = await ApiDriver.ReadAsync<WebhookDeadLetter>(redeliver, HttpStatusCode.Accepted);
            Assert.Equal(opened.Number, letter.CaseNumber);
        }
        await ApiDriver.EventuallyAsync(async () =>
            (await DeliveriesAsync(subscription.Id)).Count(d => d.CaseNumber == opened.Number && d.Outcome == WebhookDeliveryOutcome.DeadLettered) == 2,
            "the redelivered event dead-lettered again", seconds: 30);
        using var again = await api.PostAsync($"/api/webhooks/subscriptions/{subscription.Id}/deliveries/{Guid.NewGuid()}/redeliver", new { });
        await Problem.AssertAsync(again, HttpStatusCode.NotFound, "eventId");
    }

    [Fact]
    public async Task TheSecretIsWriteOnlyAndChangesNeedTheCurrentETag()
    {
        var subscription = await SubscribeAsync("https://receiver.example.com/hooks", "opened");

        using var read = await api.SendAsync(HttpMethod.Get, $"/api/webhooks/subscriptions/{subscription.Id}", null);
        var json = await read.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.DoesNotContain("secret\"", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Secret, json, StringComparison.Ordinal);
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);

        var body = new { url = "https://receiver.example.com/v2", eventTypes = new[] { "opened", "resolve" }, secret = "whsec-rotated-0123456789" };
        using (var stale = await api.PutAsync($"/api/webhooks/subscriptions/{subscription.Id}", body, ("If-Match", "\"7\"")))
        {
            await Problem.AssertAsync(stale, HttpStatusCode.PreconditionFailed, "If-Match");
        }
        using (var rotated = await api.PutAsync($"/api/webhooks/subscriptions/{subscription.Id}", body, ("If-Match", "\"1\"")))
        {
            var changed = await ApiDriver.ReadAsync<WebhookSubscriptionResponse>(rotated, HttpStatusCode.OK);
            Assert.Equal(2, changed.Version);
            Assert.Equal(["opened", "resolve"], changed.EventTypes);
            Assert.True(changed.SecretRotatedAt > subscription.SecretRotatedAt);
        }
        using (var deleted = await api.DeleteAsync($"/api/webhooks/subscriptions/{subscription.Id}", ("If-Match", "\"2\"")))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }
        using var gone = await api.SendAsync(HttpMethod.Get, $"/api/webhooks/subscriptions/{subscription.Id}", null);
        await Problem.AssertAsync(gone, HttpStatusCode.NotFound, "id");
    }

    [Theory]
    [InlineData("{\"url\":\"ftp://receiver.example.com/\",\"eventTypes\":[\"opened\"],\"secret\":\"whsec-0123456789abcdef\"}", "url")]
    [InlineData("{\"url\":\"receiver.example.com\",\"eventTypes\":[\"opened\"],\"secret\":\"whsec-0123456789abcdef\"}", "url")]
    [InlineData("{\"url\":\"https://receiver.example.com/\",\"eventTypes\":[\"exploded\"],\"secret\":\"whsec-0123456789abcdef\"}", "eventTypes[0]")]
    [InlineData("{\"url\":\"https://receiver.example.com/\",\"eventTypes\":[\"opened\",\"opened\"],\"secret\":\"whsec-0123456789abcdef\"}", "eventTypes[1]")]
    [InlineData("{\"url\":\"https://receiver.example.com/\",\"eventTypes\":[],\"secret\":\"whsec-0123456789abcdef\"}", "eventTypes")]
    [InlineData("{\"url\":\"https://receiver.example.com/\",\"eventTypes\":[\"opened\"],\"secret\":\"short\"}", "secret")]
    [InlineData("{\"url\":\"https://receiver.example.com/\",\"eventTypes\":[\"opened\"]}", "secret")]
    public async Task ABadSubscriptionIsRefusedWith400AtItsField(string json, string field)
    {
        using var response = await api.PostRawAsync("/api/webhooks/subscriptions", json);
        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task UnknownSubscriptionsAndBadPagesAreRefused()
    {
        using (var missing = await api.SendAsync(HttpMethod.Get, "/api/webhooks/subscriptions/wh-nothing/deliveries", null))
        {
            await Problem.AssertAsync(missing, HttpStatusCode.NotFound, "id");
        }
        using (var put = await api.PutAsync("/api/webhooks/subscriptions/wh-nothing", new { url = "https://r.example.com/", eventTypes = new[] { "opened" } }))
        {
            await Problem.AssertAsync(put, HttpStatusCode.NotFound, "id");
        }
        var subscription = await SubscribeAsync("https://receiver.example.com/hooks", "opened");
        using (var limit = await api.SendAsync(HttpMethod.Get, $"/api/webhooks/subscriptions/{subscription.Id}/deliveries?limit=0", null))
        {
            await Problem.AssertAsync(limit, HttpStatusCode.BadRequest, "limit");
        }
        using var badId = await api.PostAsync($"/api/webhooks/subscriptions/{subscription.Id}/deliveries/not-a-guid/redeliver", new { });
        await Problem.AssertAsync(badId, HttpStatusCode.BadRequest, "eventId");
    }
}
