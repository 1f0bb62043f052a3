using AfterSales.Faults.Processes;

namespace AfterSales.Bench.Tests;

/// <summary>The fault runs' port pool: a port is handed out once until released, so a long rolling run (a new silo
/// per roll) reuses the ports of the silos it stopped instead of running out after the range's size.</summary>
public sealed class LoopbackPortsTests
{
    [Fact]
    public void APortIsHandedOutOnceUntilReleasedAndThenAgain()
    {
        // A range of two in a corner of the block no other user of the machine takes.
        var ports = new LoopbackPorts(siloFirst: 11291, gatewayFirst: 30291, apiFirst: 8291, count: 2, apiCount: 1);
        var first = ports.NextSilo();
        var second = ports.NextSilo();

        Assert.Throws<InvalidOperationException>(() => ports.NextSilo());
        ports.Release(first);

        Assert.NotEqual(first, second);
        Assert.Equal(first, ports.NextSilo());
    }
}
