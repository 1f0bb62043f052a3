namespace AfterSales.Models;

/// <summary>A new solution a case's resolution described for its fault code.</summary>
/// <param name="CaseNumber">The resolved case: a supervisor adopting the solution names it as the source.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.ProposedSolution")]
public sealed record ProposedSolution(
    [property: Id(0)] string CaseNumber,
    [property: Id(1)] string FaultCode,
    [property: Id(2)] string Summary,
    [property: Id(3)] string ProposedBy,
    [property: Id(4)] DateTimeOffset ProposedAt);
