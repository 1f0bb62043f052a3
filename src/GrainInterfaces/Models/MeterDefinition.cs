namespace AfterSales.Models;

/// <summary>A meter every device of the model reports.</summary>
/// <param name="Name">Unique within the model (e.g. <c>operatingHours</c>); readings name it.</param>
/// <param name="Unit">The unit of its values (e.g. <c>h</c>, <c>°C</c>).</param>
/// <param name="Kind">A monotonic counter or a gauge.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.MeterDefinition")]
public sealed record MeterDefinition(
    [property: Id(0)] string Name,
    [property: Id(1)] string Unit,
    [property: Id(2)] MeterKind Kind);
