using System.Collections.Immutable;

namespace AfterSales.Installation;

/// <summary>A technician's answer to one checklist item, as recorded.</summary>
/// <param name="Passed">A check: as marked. A measurement: true when the value lies within the expected range.</param>
/// <param name="Value">A measurement's value (null for a check).</param>
/// <param name="Unit">A measurement's unit, the template's (null for a check).</param>
/// <param name="Photos">Absolute http(s) URLs of photos taken for the item.</param>
/// <param name="Deviation">A measurement outside its expected range, recorded on purpose (with a note).</param>
[GenerateSerializer, Immutable, Alias("AfterSales.ChecklistAnswer")]
public sealed record ChecklistAnswer(
    [property: Id(0)] string ItemId,
    [property: Id(1)] bool Passed,
    [property: Id(2)] decimal? Value,
    [property: Id(3)] string? Unit,
    [property: Id(4)] ImmutableArray<string> Photos,
    [property: Id(5)] string? Note,
    [property: Id(6)] bool Deviation,
    [property: Id(7)] string AnsweredBy,
    [property: Id(8)] DateTimeOffset AnsweredAt);
