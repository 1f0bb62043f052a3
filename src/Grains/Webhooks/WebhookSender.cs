using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using AfterSales.Domain;
using AfterSales.Domain.Webhooks;
using AfterSales.Hosting;
using Microsoft.Extensions.Options;

namespace AfterSales.Webhooks;

/// <summary>Sends one delivery: POSTs the stored body with the event's headers and a fresh signature, and reports how
/// it went. Never throws for the receiver's failings.</summary>
internal sealed class WebhookSender(IHttpClientFactory clients, TimeProvider time, IOptions<WebhookOptions> options)
{
    /// <summary>The named <see cref="HttpClient"/> deliveries use.</summary>
    public const string ClientName = "AfterSales.Webhooks";

    public const string EventIdHeader = "X-AfterSales-Event-Id";
    public const string EventTypeHeader = "X-AfterSales-Event-Type";
    public const string TimestampHeader = "X-AfterSales-Timestamp";
    public const string SignatureHeader = "X-AfterSales-Signature";
    public const string SubscriptionHeader = "X-AfterSales-Subscription";
    public const string CaseHeader = "X-AfterSales-Case";
    public const string SequenceHeader = "X-AfterSales-Sequence";
    public const string AttemptHeader = "X-AfterSales-Attempt";

    public async Task<DeliveryResult> SendAsync(WebhookTarget target, WebhookPendingItem item, int attempt)
    {
        var started = time.GetUtcNow();
        var timestamp = started.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Url)
        {
            Content = new StringContent(item.Body, Encoding.UTF8, "application/json"),
        };
        var headers = request.Headers;
        headers.Add(EventIdHeader, item.EventId.ToString());
        headers.Add(EventTypeHeader, item.EventType);
        headers.Add(TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        headers.Add(SignatureHeader, WebhookSignature.Sign(target.Secret, timestamp, item.Body));
        headers.Add(SubscriptionHeader, target.Id);
        headers.Add(CaseHeader, item.CaseNumber);
        headers.Add(SequenceHeader, item.Sequence.ToString(CultureInfo.InvariantCulture));
        headers.Add(AttemptHeader, attempt.ToString(CultureInfo.InvariantCulture));
        headers.UserAgent.Add(new ProductInfoHeaderValue("AfterSales-Webhooks", "1"));
        // The timeout is network time, not the grains' clock.
        using var timeout = new CancellationTokenSource(options.Value.DeliveryTimeout);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            return new DeliveryResult(started, time.GetUtcNow(), status,
                response.IsSuccessStatusCode ? null : string.Create(CultureInfo.InvariantCulture, $"the receiver answered {status}"));
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return new DeliveryResult(started, time.GetUtcNow(), null,
                string.Create(CultureInfo.InvariantCulture, $"no answer within {options.Value.DeliveryTimeout.TotalSeconds:0.###} s"));
        }
        catch (HttpRequestException exception)
        {
            // The kind of failure only: messages can carry the URL, whose query may hold a receiver's token.
            return new DeliveryResult(started, time.GetUtcNow(), null, $"request failed: {CamelNames.Of(exception.HttpRequestError)}");
        }
    }
}

/// <summary>How one attempt went.</summary>
/// <param name="StartedAt">When it was sent.</param>
/// <param name="FinishedAt">When it ended.</param>
/// <param name="StatusCode">The receiver's status, when it answered.</param>
/// <param name="Error">Null on success (2xx), else why it failed.</param>
internal sealed record DeliveryResult(DateTimeOffset StartedAt, DateTimeOffset FinishedAt, int? StatusCode, string? Error)
{
    public bool Succeeded => Error is null;
}
