namespace AfterSales.Problems;

/// <summary>A fault case with a fault code was stored: what problem detection needs of it.</summary>
/// <param name="Region">The case's region (a problem opened from it is handled there).</param>
/// <param name="At">When the case was opened; it counts while it lies within the detection window.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.FaultReport")]
public sealed record FaultReport(
    [property: Id(0)] string CaseNumber,
    [property: Id(1)] string Model,
    [property: Id(2)] string FaultCode,
    [property: Id(3)] string Serial,
    [property: Id(4)] string Region,
    [property: Id(5)] DateTimeOffset At);
