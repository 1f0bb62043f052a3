namespace AfterSales.Cases;

/// <summary>What a problem case groups: faults of one model and fault code on a range of serials.</summary>
/// <param name="LowestSerial">The lowest serial of the range (the serials share a prefix and differ in their number).</param>
/// <param name="HighestSerial">The highest serial of the range.</param>
/// <param name="Faults">How many fault cases fell in the range while the problem was open (detected ones only).</param>
/// <param name="Window">The sliding window the faults were counted in.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.ProblemScope")]
public sealed record ProblemScope(
    [property: Id(0)] string Model,
    [property: Id(1)] string FaultCode,
    [property: Id(2)] string LowestSerial,
    [property: Id(3)] string HighestSerial,
    [property: Id(4)] int Faults,
    [property: Id(5)] TimeSpan Window);
