namespace AfterSales.Cases;

/// <summary>One child of a problem case, kept as a row of the problem.</summary>
/// <param name="Order">1, 2, 3… in the order children were linked.</param>
/// <param name="Detected">True when problem detection linked it, false for a supervisor.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Grains.ProblemChild")]
internal sealed record ProblemChild(
    [property: Id(0)] int Order,
    [property: Id(1)] string CaseNumber,
    [property: Id(2)] DateTimeOffset LinkedAt,
    [property: Id(3)] bool Detected);
