using System.Collections.Immutable;

namespace AfterSales.Domain.Problems;

/// <summary>Faults that form one cluster: same series, numbers within one range width, inside the window.</summary>
/// <param name="Faults">The members, lowest serial first.</param>
internal sealed record FaultCluster(ImmutableArray<FaultSighting> Faults)
{
    public SerialNumber Lowest => Faults[0].Serial;

    public SerialNumber Highest => Faults[^1].Serial;

    public int Count => Faults.Length;
}
