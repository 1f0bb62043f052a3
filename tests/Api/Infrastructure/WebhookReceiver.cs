using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AfterSales.Tests.Api.Infrastructure;

/// <summary>A webhook receiver on Kestrel at 127.0.0.1 on a free port: records every request it gets, in arrival order,
/// and answers each with the status <c>answer</c> picks.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;

    private WebhookReceiver(WebApplication app) => this.app = app;

    public ConcurrentQueue<ReceivedDelivery> Received { get; } = new();

    /// <summary>The URL to subscribe.</summary>
    public string Url { get; private set; } = "";

    public static async Task<WebhookReceiver> StartAsync(Func<ReceivedDelivery, int>? answer = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var receiver = new WebhookReceiver(builder.Build());
        receiver.app.MapPost("/hooks", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var delivery = new ReceivedDelivery(
                request.Headers["X-AfterSales-Event-Id"].ToString(),
                request.Headers["X-AfterSales-Event-Type"].ToString(),
                request.Headers["X-AfterSales-Timestamp"].ToString(),
                request.Headers["X-AfterSales-Signature"].ToString(),
                request.Headers["X-AfterSales-Attempt"].ToString(),
                request.Headers["X-AfterSales-Case"].ToString(),
                request.Headers["X-AfterSales-Sequence"].ToString(),
                await reader.ReadToEndAsync());
            receiver.Received.Enqueue(delivery);
            return Results.StatusCode(answer?.Invoke(delivery) ?? StatusCodes.Status200OK);
        });
        await receiver.app.StartAsync();
        var address = receiver.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = address.TrimEnd('/') + "/hooks";
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>One request a <see cref="WebhookReceiver"/> got: its AfterSales headers and its body as sent.</summary>
public sealed record ReceivedDelivery(string EventId, string EventType, string Timestamp, string Signature, string Attempt,
    string CaseNumber, string Sequence, string Body);
