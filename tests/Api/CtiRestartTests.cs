using System.Net;
using System.Text.Json;
using AfterSales.Api.Cti;
using AfterSales.Cti;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary>A call, its callback case and its line in the call log are still there after the process stops and starts
/// on the same data, and a PBX's repeat then opens no second case.</summary>
public sealed class CtiRestartTests
{
    private const string Url = $"/api/cti/{CtiIntakeOptions.DevelopmentToken}";

    [Fact]
    public async Task AMissedCallItsCallbackCaseAndItsLogLineSurviveARestart()
    {
        var dataDirectory = ApiApplication.NewDataDirectory();
        var callId = Guid.NewGuid().ToString("N");
        var hangup = JsonSerializer.Serialize(new { @event = "hangup", callId, cause = "noAnswer", from = "+8613800138000", direction = "in" });
        try
        {
            string before;
            IAsyncLifetime first = ApiApplication.OnDataDirectory(dataDirectory);
            await first.InitializeAsync();
            try
            {
                using var client = ((ApiApplication)first).CreateApiClient();
                using (var sent = await client.PostAsync(Url, ApiDriver.JsonBody(hangup)))
                {
                    Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
                }
                before = await client.GetStringAsync($"/api/cti/calls/{callId}");
            }
            finally
            {
                await first.DisposeAsync();
            }

            IAsyncLifetime second = ApiApplication.OnDataDirectory(dataDirectory);
            await second.InitializeAsync();
            try
            {
                using var client = ((ApiApplication)second).CreateApiClient();
                Assert.Equal(before, await client.GetStringAsync($"/api/cti/calls/{callId}"));
                using (var repeat = await client.PostAsync(Url, ApiDriver.JsonBody(hangup)))
                {
                    Assert.Equal("{}", await repeat.Content.ReadAsStringAsync());
                }
                var after = await client.GetStringAsync($"/api/cti/calls/{callId}");
                Assert.Equal(before, after);
                var call = JsonSerializer.Deserialize<CtiCallResponse>(after, ApiDriver.Json)!;
                Assert.Equal(CallOutcome.Missed, call.Outcome);
                using var caseResponse = await client.GetAsync($"/api/cases/{call.CallbackCase}");
                Assert.Equal(HttpStatusCode.OK, caseResponse.StatusCode);
                var log = JsonSerializer.Deserialize<CtiCallLogResponse>(await client.GetStringAsync(
                    $"/api/cti/calls?day={call.StartedAt.UtcDateTime:yyyy-MM-dd}"), ApiDriver.Json)!;
                Assert.Equal(call.CallbackCase, Assert.Single(log.Calls, c => c.CallId == callId).CallbackCase);
            }
            finally
            {
                await second.DisposeAsync();
            }
        }
        finally
        {
            ApiApplication.DeleteDataDirectory(dataDirectory);
        }
    }
}
