using System.Net;
using System.Reflection;
using AfterSales.Api.Customers;
using AfterSales.Common;
using AfterSales.Tests.Api.Infrastructure;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace AfterSales.Tests.Api;

/// <summary>Over real HTTP: every passing failure of the cluster a grain call can throw answers 503 with
/// <c>Retry-After</c> and a ProblemDetails saying whether the outcome is unknown; a retry with the same
/// Idempotency-Key then succeeds once. Anything else stays a 500.</summary>
public sealed class ClusterFailureTests(FailingGrainsApiApplication app) : IClassFixture<FailingGrainsApiApplication>
{
    private readonly ApiDriver api = new(app.CreateApiClient());

    public static TheoryData<string, string> Failures => new()
    {
        { nameof(TimeoutException), "outcome is unknown" },
        { nameof(OperationCanceledException), "outcome is unknown" },
        { nameof(TaskCanceledException), "outcome is unknown" },
        { nameof(SiloUnavailableException), "server is restarting" },
        { nameof(OrleansMessageRejectionException), "server is restarting" },
        { nameof(ConnectionFailedException), "server is restarting" },
        { nameof(GatewayTooBusyException), "did not start this request" },
        { nameof(LimitExceededException), "did not start this request" },
        { nameof(OrleansLifecycleCanceledException), "starting or stopping" },
        { nameof(StorageUnavailableException), "nothing of this request was stored" },
        { "SiloUnavailableInsideAGrainsFailure", "server is restarting" },
        { "StorageFailureDuringActivation", "nothing of this request was stored" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task AClusterFailureOfAGrainCallIsA503WithRetryAfterAndWhatToDo(string failure, string advice)
    {
        var id = ApiDriver.Unique("C");
        app.Failures.Fail(id, () => Make(failure));

        using var response = await api.Client.GetAsync($"/api/customers/{id}");

        var problem = await Problem.AssertAsync(response, HttpStatusCode.ServiceUnavailable, "$");
        Assert.Equal("1", response.Headers.RetryAfter?.ToString());
        Assert.Contains(advice, Problem.Messages(problem, "$")[0], StringComparison.Ordinal);
        Assert.Equal($"/api/customers/{id}", problem.GetProperty("instance").GetString());
        Assert.True(problem.TryGetProperty("traceId", out _));
    }

    [Fact]
    public async Task ACreateCutOffByALostSiloSucceedsOnceWhenRetriedWithTheSameIdempotencyKey()
    {
        var id = ApiDriver.Unique("C");
        var key = ApiDriver.Unique("key");
        app.Failures.Fail(id, () => new SiloUnavailableException("the silo holding the customer died"), times: 1);

        using var first = await api.PostAsync("/api/customers", ApiDriver.CustomerBody(id), ("Idempotency-Key", key));
        using var retry = await api.PostAsync("/api/customers", ApiDriver.CustomerBody(id), ("Idempotency-Key", key));
        using var again = await api.PostAsync("/api/customers", ApiDriver.CustomerBody(id), ("Idempotency-Key", key));

        await Problem.AssertAsync(first, HttpStatusCode.ServiceUnavailable, "$");
        var created = await ApiDriver.ReadAsync<CustomerResponse>(retry, HttpStatusCode.Created);
        var replayed = await ApiDriver.ReadAsync<CustomerResponse>(again, HttpStatusCode.Created);
        Assert.Equal(id, created.Id);
        Assert.Equal((created.Id, created.CreatedAt, created.Version), (replayed.Id, replayed.CreatedAt, replayed.Version));
    }

    [Fact]
    public async Task AnyOtherFailureOfAGrainCallStaysA500()
    {
        var id = ApiDriver.Unique("C");
        app.Failures.Fail(id, () => new InvalidOperationException("a bug"));

        using var response = await api.Client.GetAsync($"/api/customers/{id}");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Null(response.Headers.RetryAfter);
    }

    private static Exception Make(string failure) => failure switch
    {
        nameof(TimeoutException) => new TimeoutException("Response did not arrive on time in 00:00:10"),
        nameof(OperationCanceledException) => new OperationCanceledException("The operation was canceled."),
        nameof(TaskCanceledException) => new TaskCanceledException("A directory registration was canceled."),
        nameof(SiloUnavailableException) => new SiloUnavailableException("The target silo became unavailable"),
        nameof(OrleansMessageRejectionException) => Internal<OrleansMessageRejectionException>("Forwarding failed"),
        nameof(ConnectionFailedException) => new ConnectionFailedException("Unable to connect to the gateway"),
        nameof(GatewayTooBusyException) => new GatewayTooBusyException(),
        nameof(LimitExceededException) => new LimitExceededException("Too many requests queued on the activation"),
        nameof(OrleansLifecycleCanceledException) => Internal<OrleansLifecycleCanceledException>("The silo is stopping"),
        nameof(StorageUnavailableException) => new StorageUnavailableException("connections exhausted"),
        "SiloUnavailableInsideAGrainsFailure" => new OrleansException("A call made by the grain failed",
            new SiloUnavailableException("The target silo became unavailable")),
        "StorageFailureDuringActivation" => new OrleansException("Error from storage provider main during ReadStateAsync",
            new StorageUnavailableException("unable to open database file")),
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, null),
    };

    /// <summary>Orleans makes these itself only: their constructors are internal.</summary>
    private static T Internal<T>(string message) where T : Exception =>
        (T)Activator.CreateInstance(typeof(T), BindingFlags.Instance | BindingFlags.NonPublic, null, [message], null)!;
}
