using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;

namespace AfterSales.Tests.Grains.Infrastructure;

/// <summary>
/// The webhook receivers of the grain tests, behind the delivery client's primary handler: each test opens an
/// endpoint with a URL of its own and a script that answers each request (a status, or null for a refused
/// connection). Requests to a URL no endpoint has are refused, as by a dead host. The API tests use a real Kestrel
/// receiver; here the handler keeps the silos' HTTP in process.
/// </summary>
public sealed class WebhookInbox
{
    private readonly ConcurrentDictionary<string, WebhookEndpoint> _endpoints = new(StringComparer.Ordinal);

    public WebhookEndpoint Open(Func<WebhookRequest, HttpStatusCode?> answer)
    {
        var endpoint = new WebhookEndpoint($"https://receiver.test/{Guid.NewGuid():N}", answer);
        _endpoints[endpoint.Url] = endpoint;
        return endpoint;
    }

    internal HttpMessageHandler Handler() => new InboxHandler(this);

    private sealed class InboxHandler(WebhookInbox inbox) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!inbox._endpoints.TryGetValue(request.RequestUri!.GetLeftPart(UriPartial.Path), out var endpoint))
            {
                throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused.");
            }
            string Header(string name) => request.Headers.TryGetValues(name, out var values) ? values.First() : "";
            var received = new WebhookRequest(Header("X-AfterSales-Event-Id"), Header("X-AfterSales-Event-Type"),
                Header("X-AfterSales-Case"), long.Parse(Header("X-AfterSales-Sequence"), System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(Header("X-AfterSales-Attempt"), System.Globalization.CultureInfo.InvariantCulture),
                Header("X-AfterSales-Timestamp"), Header("X-AfterSales-Signature"), await request.Content!.ReadAsStringAsync(cancellationToken));
            endpoint.Received.Enqueue(received);
            return endpoint.Answer(received) is { } status
                ? new HttpResponseMessage(status)
                : throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused.");
        }
    }
}

/// <summary>One receiver: its URL and the requests it got, in arrival order.</summary>
public sealed class WebhookEndpoint(string url, Func<WebhookRequest, HttpStatusCode?> answer)
{
    public string Url { get; } = url;

    public ConcurrentQueue<WebhookRequest> Received { get; } = new();

    internal HttpStatusCode? Answer(WebhookRequest request) => answer(request);
}

/// <summary>A delivery as a receiver saw it.</summary>
public sealed record WebhookRequest(string EventId, string EventType, string CaseNumber, long Sequence, int Attempt,
    string Timestamp, string Signature, string Body);
