using System.Collections.Immutable;
using AfterSales.Cases;

namespace AfterSales.Problems;

/// <summary>An open problem as the problem list shows it.</summary>
/// <param name="Children">How many cases are linked to it.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.ProblemSummary")]
public sealed record ProblemSummary(
    [property: Id(0)] string Number,
    [property: Id(1)] string Subject,
    [property: Id(2)] string Region,
    [property: Id(3)] ProblemScope? Scope,
    [property: Id(4)] int Children,
    [property: Id(5)] DateTimeOffset OpenedAt);

/// <summary>One page of open problems, by number.</summary>
/// <param name="HasMore">True when problems follow the last one of this page.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.ProblemPage")]
public sealed record ProblemPage(
    [property: Id(0)] ImmutableArray<ProblemSummary> Problems,
    [property: Id(1)] int Total,
    [property: Id(2)] bool HasMore);
