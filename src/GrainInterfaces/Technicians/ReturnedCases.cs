using System.Collections.Immutable;

namespace AfterSales.Technicians;

/// <summary>The not-started cases a technician dropped when it last went off shift.</summary>
/// <param name="Sequence">The technician's status sequence of that change.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.ReturnedCases")]
public sealed record ReturnedCases(
    [property: Id(0)] long Sequence,
    [property: Id(1)] ImmutableArray<string> CaseNumbers);
