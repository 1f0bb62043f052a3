using System.Reflection;
using AfterSales.Silo.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Orleans.Serialization.Invocation;

namespace AfterSales.Tests.Grains;

/// <summary>Client mode: the calls in flight when a gateway connection drops get the grace period, then fail as a lost
/// silo (503), instead of waiting out the response timeout; calls that finish in time, and calls made after, are
/// untouched.</summary>
public sealed class GatewayLossDeadlineTests
{
    private static readonly ClientTimingOptions Timing = new();

    private readonly FakeTimeProvider clock = new();

    [Fact]
    public async Task ACallInFlightWhenAGatewayIsLostFailsAsASiloLossOnceTheGraceHasPassed()
    {
        using var deadline = new GatewayLossDeadline(Timing, clock, NullLogger<GatewayLossDeadline>.Instance);
        var stranded = new PendingCall();
        var call = deadline.Invoke(stranded);

        deadline.OnGatewayCountChanged(null, new GatewayCountChangedEventArgs(2, 3));
        clock.Advance(Timing.GatewayLossGrace - TimeSpan.FromMilliseconds(1));
        Assert.False(call.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));

        var error = await Assert.ThrowsAsync<SiloUnavailableException>(() => call);
        Assert.Equal(ClusterFailure.SiloLost, ClusterFailures.Classify(error));
    }

    [Fact]
    public async Task ACallThatCompletesWithinTheGraceAndACallMadeAfterTheLossAreUntouched()
    {
        using var deadline = new GatewayLossDeadline(Timing, clock, NullLogger<GatewayLossDeadline>.Instance);
        var inFlight = new PendingCall();
        var first = deadline.Invoke(inFlight);
        deadline.OnGatewayCountChanged(null, new GatewayCountChangedEventArgs(2, 3));
        var later = new PendingCall();
        var second = deadline.Invoke(later);

        inFlight.Complete();
        await first;
        clock.Advance(Timing.GatewayLossGrace * 2);
        Assert.False(second.IsCompleted);
        later.Complete();
        await second;
    }

    [Fact]
    public async Task AGatewayThatConnectsGivesNoDeadline()
    {
        using var deadline = new GatewayLossDeadline(Timing, clock, NullLogger<GatewayLossDeadline>.Instance);
        var pending = new PendingCall();
        var call = deadline.Invoke(pending);

        deadline.OnGatewayCountChanged(null, new GatewayCountChangedEventArgs(3, 2));
        clock.Advance(Timing.ResponseTimeout);

        Assert.False(call.IsCompleted);
        pending.Complete();
        await call;
    }

    /// <summary>A grain call whose answer the test releases.</summary>
    private sealed class PendingCall : IOutgoingGrainCallContext
    {
        private readonly TaskCompletionSource answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Complete() => answer.SetResult();

        public Task Invoke() => answer.Task;

        public IGrainContext? SourceContext => null;
        public IInvokable Request => throw new NotSupportedException();
        public object Grain => this;
        public GrainId? SourceId => null;
        public GrainId TargetId => default;
        public GrainInterfaceType InterfaceType => default;
        public string InterfaceName => "test";
        public string MethodName => "test";
        public MethodInfo InterfaceMethod => throw new NotSupportedException();
        public object? Result { get; set; }
        public Response? Response { get; set; }
    }
}
