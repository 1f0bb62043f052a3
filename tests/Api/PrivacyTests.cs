using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using AfterSales.Api.Cti;
using AfterSales.Tests.Api.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Tests.Api;

/// <summary>Personal data stays out of logs and metric tags: a customer with a known name, phone and e-mail is registered,
/// looked up, called from (a blocked caller, whose rejection is logged with the number classified as personal data), given
/// a case and erased, while every log line and every metric tag of the process is recorded; none holds any of them.</summary>
[Collection(AuditCollection.Name)]
public sealed class PrivacyTests(AuditApiApplication app)
{
    [Fact]
    public async Task NoLogLineAndNoMetricTagCarriesTheNamePhoneOrEmailOfACustomer()
    {
        // Every counter and histogram of the process; of the observable gauges, this app's and the platform's own (static,
        // read for each host of the process, and made never to throw for one that is stopping).
        var meters = app.Services.GetRequiredService<IMeterFactory>();
        using var metrics = new RecordedMetricTags(instrument =>
            ReferenceEquals(instrument.Meter.Scope, meters) || instrument.Meter.Name.StartsWith("AfterSales", StringComparison.Ordinal));
        var marker = Guid.NewGuid().ToString("N")[..10];
        var name = $"Quentin Zebulon {marker}";
        var email = $"q.zebulon.{marker}@example.org";
        var phone = AuditClients.BlockedCaller;
        var id = ApiDriver.Unique("C")[..20];
        using var agent = app.CreateClientAs("agent-privacy", "agent");
        var driver = new ApiDriver(agent);

        using (var created = await driver.PostAsync("/api/customers", new
        {
            id, name, phones = new[] { phone }, emails = new[] { email }, region = "west", tier = "gold", language = "en",
        }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync($"/api/customers/lookup?phone={Uri.EscapeDataString(phone)}")).StatusCode);
        var callId = Guid.NewGuid().ToString("N");
        using (var call = await agent.PostAsync($"/api/cti/{CtiIntakeOptions.DevelopmentToken}", ApiDriver.JsonBody(JsonSerializer.Serialize(
            new { @event = "newCall", callId, from = phone, to = "+861088888888", direction = "in", user = "agent-1" }))))
        {
            Assert.Equal("{\"action\":\"reject\",\"reason\":\"busy\"}", await call.Content.ReadAsStringAsync());
        }
        await driver.OpenCaseAsync(id);
        using var admin = app.CreateClientAs(AuditClients.Admin, "admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/customers/{id}/erase", null)).StatusCode);
        metrics.Collect();

        // The rejection was logged, with the number classified and so redacted.
        Assert.Contains(app.Logs.Lines, line => line.Contains("[9976]", StringComparison.Ordinal) && line.Contains(CtiKey(callId), StringComparison.Ordinal));
        Assert.Contains(app.Logs.Lines, line => line.Contains("[9961]", StringComparison.Ordinal) && line.Contains(id, StringComparison.Ordinal));
        var secrets = new[] { name, "Zebulon", email, marker + "@", phone, phone[1..] };
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(app.Logs.Lines, line => line.Contains(secret, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(metrics.Tags, tag => tag.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
        Assert.NotEmpty(metrics.Tags);
    }

    private static string CtiKey(string callId) => AfterSales.Cti.CtiKeys.Call(callId);
}
