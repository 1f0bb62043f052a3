using System.Net;
using AfterSales.Api.Audit;
using AfterSales.Audit;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary>No acknowledgement without its audit entry: when the entry cannot be stored, the answer is withheld and the
/// client gets 503 (the change may have applied, as after a timeout); a retry with the same Idempotency-Key answers the
/// original result once the record takes entries again.</summary>
public sealed class AuditFailureTests(FailingGrainsApiApplication app) : IClassFixture<FailingGrainsApiApplication>
{
    [Fact]
    public async Task AChangeWhoseEntryCannotBeStoredIsAnswered503AndItsRetryReplaysTheResult()
    {
        // The next append to any shard of this hour or the next fails once.
        var hour = AuditKeys.HourOf(DateTimeOffset.UtcNow);
        foreach (var start in new[] { hour, hour + AuditKeys.BucketLength })
        {
            for (var shard = 0; shard < AuditKeys.Shards; shard++)
            {
                app.Failures.Fail(AuditKeys.Log(start, shard), () => new TimeoutException("audit shard timed out"), times: 1);
            }
        }
        using var client = app.CreateApiClient();
        var driver = new ApiDriver(client);
        var id = ApiDriver.Unique("C")[..20];
        var key = ApiDriver.Unique("k");

        using (var withheld = await driver.PostAsync("/api/customers", ApiDriver.CustomerBody(id), ("Idempotency-Key", key)))
        {
            var problem = await Problem.AssertAsync(withheld, HttpStatusCode.ServiceUnavailable, "$");
            Assert.Equal(AuditMiddleware.UnauditedMessage, problem.GetProperty("detail").GetString());
            Assert.Equal("1", withheld.Headers.RetryAfter?.ToString());
        }
        // The change itself applied: the answer, not the change, was withheld.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/customers/{id}")).StatusCode);

        // Each retry uses up at most one injected failure; once one is audited it answers the original 201.
        for (var attempt = 0; ; attempt++)
        {
            Assert.True(attempt <= 2 * AuditKeys.Shards, "the retries never got through");
            using var retry = await driver.PostAsync("/api/customers", ApiDriver.CustomerBody(id), ("Idempotency-Key", key));
            if (retry.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                continue;
            }
            Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
            Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
            break;
        }
    }
}
