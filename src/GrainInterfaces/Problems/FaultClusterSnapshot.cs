using System.Collections.Immutable;

namespace AfterSales.Problems;

/// <summary>Problem detection's view of one model and fault code.</summary>
/// <param name="Faults">Case numbers of the faults within the window that no problem took yet, oldest first.</param>
/// <param name="Problems">The problems detection links faults of this code to, oldest first.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.FaultClusterSnapshot")]
public sealed record FaultClusterSnapshot(
    [property: Id(0)] ImmutableArray<string> Faults,
    [property: Id(1)] ImmutableArray<DetectedProblem> Problems);

/// <summary>A problem detection opened, with the serial range it covers.</summary>
/// <param name="Opened">False while its case is being opened (a retry finishes it).</param>
[GenerateSerializer, Immutable, Alias("AfterSales.DetectedProblem")]
public sealed record DetectedProblem(
    [property: Id(0)] string Number,
    [property: Id(1)] string LowestSerial,
    [property: Id(2)] string HighestSerial,
    [property: Id(3)] int Faults,
    [property: Id(4)] bool Opened);
