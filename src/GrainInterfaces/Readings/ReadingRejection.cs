using AfterSales.Common;

namespace AfterSales.Readings;

/// <summary>Why one reading of a call was refused.</summary>
/// <param name="Index">The reading's position in the call's list (0-based).</param>
/// <param name="Field">The reading's field at fault (<c>meter</c>, <c>value</c>, <c>at</c>).</param>
/// <param name="Kind">Validation (malformed) or Unprocessable (does not fit the meter, e.g. a counter going backwards).</param>
[GenerateSerializer, Immutable, Alias("AfterSales.ReadingRejection")]
public sealed record ReadingRejection(
    [property: Id(0)] int Index,
    [property: Id(1)] string Field,
    [property: Id(2)] ErrorKind Kind,
    [property: Id(3)] string Message);
