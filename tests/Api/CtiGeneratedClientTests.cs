using AfterSales.Tests.Api.Client;
using AfterSales.Tests.Api.Client.Models;
using AfterSales.Tests.Api.Infrastructure;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace AfterSales.Tests.Api;

/// <summary>The CTI routes through the client generated from the published document: a PBX built from the document
/// alone gets what the server does.</summary>
[Collection(DefaultConfigurationCollection.Name)]
public sealed class CtiGeneratedClientTests : IDisposable
{
    private readonly HttpClient http;
    private readonly AfterSalesClient client;

    public CtiGeneratedClientTests(DefaultConfigurationApiApplication app)
    {
        http = KiotaClientFactory.Create();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", app.AdminToken);
        client = new AfterSalesClient(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http)
        {
            BaseUrl = app.BaseAddress.ToString().TrimEnd('/'),
        });
    }

    public void Dispose() => http.Dispose();

    [Fact]
    public async Task ANewCallAndItsHangupSentThroughTheGeneratedClientEndAsAMissedCallWithItsCallbackCase()
    {
        var callId = Guid.NewGuid().ToString("N");
        var cti = client.Api.Cti[AfterSales.Api.Cti.CtiIntakeOptions.DevelopmentToken];

        var rang = await cti.PostAsync(new CtiEventRequest
        {
            Event = CtiEventKind.NewCall,
            CallId = new CtiEventRequest.CtiEventRequest_callId { String = callId },
            Direction = CallDirection.In,
            From = new CtiEventRequest.CtiEventRequest_from { String = "+86 139 1234 5678" },
            User = new CtiEventRequest.CtiEventRequest_user { String = ["alice", "bob"] },
            Queue = "support",
        });
        var hungUp = await cti.PostAsync(new CtiEventRequest
        {
            Event = CtiEventKind.Hangup,
            CallId = new CtiEventRequest.CtiEventRequest_callId { String = callId },
            Direction = CallDirection.In,
            Cause = HangupCause.NoAnswer,
        });
        var call = await client.Api.Cti.Calls[callId].GetAsync();

        Assert.Equal((null, null, null, null), (rang?.Action, rang?.Reason, hungUp?.Action, hungUp?.Reason));
        Assert.NotNull(call);
        Assert.Equal((CallState.Ended, CallOutcome.Missed, "+8613912345678"), (call.State, call.Outcome, call.From));
        Assert.Equal(["alice", "bob"], call.Users!);
        Assert.StartsWith("AS-", call.CallbackCase, StringComparison.Ordinal);
    }
}
