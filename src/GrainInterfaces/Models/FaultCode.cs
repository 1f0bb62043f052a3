using System.Collections.Immutable;

namespace AfterSales.Models;

/// <summary>A fault a model is known to show, with the solutions known to work.</summary>
/// <param name="Code">Unique within the model (e.g. <c>E42</c>), case-insensitive.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.FaultCode")]
public sealed record FaultCode(
    [property: Id(0)] string Code,
    [property: Id(1)] string Description,
    [property: Id(2)] ImmutableArray<KnownSolution> Solutions);
