using System.Collections.Immutable;

namespace AfterSales.Installation;

/// <summary>Answers one checklist item (a later answer replaces it). A check takes <see cref="Passed"/>; a measurement
/// takes <see cref="Value"/> and <see cref="Unit"/> — a value outside the expected range is refused unless
/// <see cref="Deviation"/> is set with a <see cref="Note"/>, which records it as failed.</summary>
/// <param name="ExpectedVersion">From the client's If-Match: the checklist's version; null to skip the check.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.RecordChecklistAnswerRequest")]
public sealed record RecordChecklistAnswerRequest(
    [property: Id(0)] string ItemId,
    [property: Id(1)] bool? Passed,
    [property: Id(2)] decimal? Value,
    [property: Id(3)] string? Unit,
    [property: Id(4)] ImmutableArray<string> Photos,
    [property: Id(5)] string? Note,
    [property: Id(6)] bool Deviation,
    [property: Id(7)] string Actor,
    [property: Id(8)] int? ExpectedVersion = null);
