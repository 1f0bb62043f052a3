namespace AfterSales.Models;

/// <summary>One step of a model's commissioning checklist.</summary>
/// <param name="Id">Unique within the checklist (e.g. <c>supply-voltage</c>).</param>
/// <param name="Unit">The unit a measurement is taken in (e.g. <c>V</c>, <c>bar</c>); null for a check.</param>
/// <param name="Min">Lowest expected value of a measurement (inclusive), or null for no lower bound.</param>
/// <param name="Max">Highest expected value of a measurement (inclusive), or null for no upper bound.</param>
/// <param name="Required">A required item must be answered before the report can be submitted.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.ChecklistItemTemplate")]
public sealed record ChecklistItemTemplate(
    [property: Id(0)] string Id,
    [property: Id(1)] string Text,
    [property: Id(2)] ChecklistItemKind Kind,
    [property: Id(3)] string? Unit,
    [property: Id(4)] decimal? Min,
    [property: Id(5)] decimal? Max,
    [property: Id(6)] bool Required);
