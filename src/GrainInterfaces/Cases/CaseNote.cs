namespace AfterSales.Cases;

/// <summary>A note on a case.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.CaseNote")]
public sealed record CaseNote(
    [property: Id(0)] int Id,
    [property: Id(1)] string Text,
    [property: Id(2)] NoteVisibility Visibility,
    [property: Id(3)] string Author,
    [property: Id(4)] DateTimeOffset CreatedAt);
