using System.Globalization;
using System.Net;
using AfterSales.Api.Cases;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary>An Idempotency-Key answers replays for its retention (24 hours by default) and is new after it; a replay
/// never takes a case number. Runs on an app of its own with a fake clock, and sends one request at a time, so the
/// silo's one case-number worker hands out consecutive numbers.</summary>
public sealed class IdempotencyRetentionTests(FakeClockApiApplication app) : IClassFixture<FakeClockApiApplication>, IDisposable
{
    private static readonly TimeSpan DefaultRetention = TimeSpan.FromHours(24);

    private readonly ApiDriver api = new(app.CreateApiClient());

    public void Dispose() => api.Client.Dispose();

    [Fact]
    public async Task ReplaysInsideTheRetentionAnswerTheFirstCaseAndTakeNoCaseNumber()
    {
        var customer = await api.CreateCustomerAsync();
        var key = ApiDriver.Unique("key");
        var first = await CreateCaseAsync(customer.Id, key, HttpStatusCode.Created);

        app.Clock.Advance(DefaultRetention - TimeSpan.FromMinutes(1));
        var replays = new List<CaseResponse>();
        for (var i = 0; i < 3; i++)
        {
            replays.Add(await CreateCaseAsync(customer.Id, key, HttpStatusCode.Created, replayed: true));
        }
        var next = await api.OpenCaseAsync(customer.Id);

        Assert.All(replays, replay => Assert.Equal(first.Number, replay.Number));
        Assert.Equal(Sequence(first.Number) + 1, Sequence(next.Number));
    }

    [Fact]
    public async Task AfterTheRetentionTheSameKeyIsNewAndOpensAnotherCase()
    {
        var customer = await api.CreateCustomerAsync();
        var key = ApiDriver.Unique("key");
        var first = await CreateCaseAsync(customer.Id, key, HttpStatusCode.Created);

        app.Clock.Advance(DefaultRetention);
        var again = await CreateCaseAsync(customer.Id, key, HttpStatusCode.Created);
        using var otherBody = await api.PostAsync("/api/cases", ApiDriver.CaseBody(customer.Id, subject: "Another"), ("Idempotency-Key", key));

        Assert.NotEqual(first.Number, again.Number);
        Assert.Equal(Sequence(first.Number) + 1, Sequence(again.Number));
        // The key is bound to the new case now, for a new retention.
        await Problem.AssertAsync(otherBody, HttpStatusCode.UnprocessableEntity, "Idempotency-Key");
    }

    private async Task<CaseResponse> CreateCaseAsync(string customerId, string key, HttpStatusCode status, bool replayed = false)
    {
        using var response = await api.PostAsync("/api/cases", ApiDriver.CaseBody(customerId), ("Idempotency-Key", key));
        var created = await ApiDriver.ReadAsync<CaseResponse>(response, status);
        Assert.Equal(replayed, response.Headers.Contains("Idempotent-Replayed"));
        return created;
    }

    /// <summary>The running number of a case number such as <c>AS-2026-000123</c>.</summary>
    private static long Sequence(string number) => long.Parse(number[(number.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture);
}
