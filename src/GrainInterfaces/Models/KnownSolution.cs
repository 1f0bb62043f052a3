namespace AfterSales.Models;

/// <summary>A solution known to fix a fault code.</summary>
/// <param name="Id">Unique within the model (e.g. <c>E42-1</c>); a resolution names it.</param>
/// <param name="AddedBy">Who added it (the catalogue's author, or the supervisor who adopted a case's new solution).</param>
/// <param name="SourceCase">The case whose resolution proposed it, when it came from one.</param>
/// <param name="TimesUsed">How many resolutions recorded that this solution worked.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.KnownSolution")]
public sealed record KnownSolution(
    [property: Id(0)] string Id,
    [property: Id(1)] string Summary,
    [property: Id(2)] string AddedBy,
    [property: Id(3)] DateTimeOffset AddedAt,
    [property: Id(4)] string? SourceCase,
    [property: Id(5)] int TimesUsed);
