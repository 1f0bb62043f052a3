using System.Collections.Concurrent;
using System.Diagnostics;
using AfterSales.Customers;
using AfterSales.Silo.Hosting;
using AfterSales.Tests.Grains.Infrastructure;
using Orleans.TestingHost;
using Xunit.Abstractions;

namespace AfterSales.Tests.Grains;

/// <summary>Silos that die or leave under the Cluster-mode membership timing: what a caller sees, and how soon the
/// lost grains answer again.</summary>
public sealed class FailoverTests(FailoverClusterFixture fixture, ITestOutputHelper output) : IClassFixture<FailoverClusterFixture>
{
    /// <summary>The target for service restored after a crash.</summary>
    private static readonly TimeSpan RestoredWithin = TimeSpan.FromSeconds(5);

    /// <summary>How a client retries (the API's Retry-After is 1 s; a test client need not wait that long).</summary>
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(100);

    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task ACallToAKilledSilosGrainFailsFastAsAClusterFailureAndSucceedsAgainWithinFiveSeconds()
    {
        await EnsureThreeSilosAsync();
        var customer = await RegisterAsync(ApiKey("kill"));
        var silo = await SiloOfAsync(customer);

        var clock = Stopwatch.StartNew();
        await fixture.Cluster.KillSiloAsync(silo);
        var failures = new List<(Exception Error, TimeSpan Took)>();
        CustomerSnapshot? answer = null;
        while (answer is null && clock.Elapsed < RestoredWithin * 2)
        {
            var started = clock.Elapsed;
            try
            {
                answer = await customer.GetAsync();
            }
            catch (Exception error)
            {
                failures.Add((error, clock.Elapsed - started));
                await Task.Delay(RetryDelay);
            }
        }
        var restored = clock.Elapsed;
        output.WriteLine($"Answered again {restored.TotalMilliseconds:0} ms after the kill; failures: {Describe(failures)}");

        Assert.NotNull(answer);
        Assert.Equal(customer.GetPrimaryKeyString(), answer.Id);
        Assert.True(restored <= RestoredWithin, $"Answered again after {restored.TotalSeconds:0.0} s; failures: {Describe(failures)}");
        Assert.All(failures, failure =>
        {
            Assert.True(ClusterFailures.Classify(failure.Error) is not null, $"Not a cluster failure (would be a 500): {failure.Error}");
            Assert.True(failure.Took <= RestoredWithin, $"A failed call took {failure.Took.TotalSeconds:0.0} s");
        });
    }

    [Fact]
    public async Task ASiloStoppedGracefullyUnderWritesLeavesTheClusterAndEveryAcknowledgedWriteIsStored()
    {
        await EnsureThreeSilosAsync();
        var leaving = fixture.Cluster.Silos[^1];
        var acknowledged = new ConcurrentQueue<string>();
        var failures = new ConcurrentQueue<Exception>();
        var enoughWritten = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stopWriting = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            for (var n = 0; !stopWriting.IsCancellationRequested; n++)
            {
                var id = ApiKey($"drain-{writer}-{n}");
                try
                {
                    await RegisterAsync(id);
                    acknowledged.Enqueue(id);
                    if (acknowledged.Count >= 64)
                    {
                        enoughWritten.TrySetResult();
                    }
                }
                catch (Exception error)
                {
                    failures.Enqueue(error);
                }
            }
        })).ToArray();

        await enoughWritten.Task;
        var stopping = Stopwatch.StartNew();
        await fixture.Cluster.StopSiloAsync(leaving);
        var stopTook = stopping.Elapsed;
        var writtenWhileStopping = acknowledged.Count;
        output.WriteLine($"Graceful stop took {stopTook.TotalMilliseconds:0} ms; {failures.Count} writes failed");
        await stopWriting.CancelAsync();
        await Task.WhenAll(writers);

        Assert.True(stopTook < new HostingOptions().ShutdownTimeout, $"The graceful stop took {stopTook.TotalSeconds:0.0} s");
        Assert.True(writtenWhileStopping >= 64);
        Assert.All(failures, error => Assert.True(ClusterFailures.Classify(error) is not null, $"Not a cluster failure: {error}"));
        foreach (var id in acknowledged)
        {
            var stored = await Grains.GetGrain<ICustomerGrain>(id).GetAsync();
            Assert.True(stored is not null, $"Customer {id} was acknowledged but is not stored");
        }
        var hosts = await Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: false);
        Assert.Equal(SiloStatus.Dead, hosts[leaving.SiloAddress]);
    }

    private async Task EnsureThreeSilosAsync()
    {
        while (fixture.Cluster.Silos.Count < 3)
        {
            await fixture.Cluster.StartAdditionalSiloAsync();
        }
        await fixture.Cluster.WaitForLivenessToStabilizeAsync();
    }

    private async Task<ICustomerGrain> RegisterAsync(string id)
    {
        var customer = Grains.GetGrain<ICustomerGrain>(id);
        var result = await customer.RegisterAsync(new RegisterCustomerRequest(
            "Li Wei", [], ["li.wei@example.com"], FailoverClusterFixture.Region, CustomerTier.Standard, "zh-CN"));
        Assert.True(result.IsSuccess, result.Error?.Message);
        return customer;
    }

    private async Task<InProcessSiloHandle> SiloOfAsync(ICustomerGrain customer)
    {
        var address = await Grains.GetGrain<IManagementGrain>(0).GetActivationAddress(customer);
        return fixture.Cluster.Silos.Single(silo => silo.SiloAddress.Equals(address));
    }

    private static string ApiKey(string what) => $"C-{what}-{Guid.NewGuid():N}";

    private static string Describe(List<(Exception Error, TimeSpan Took)> failures) =>
        string.Join("; ", failures.Select(f => $"{f.Error.GetType().Name} after {f.Took.TotalMilliseconds:0} ms"));
}
