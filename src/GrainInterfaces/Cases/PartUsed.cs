namespace AfterSales.Cases;

/// <summary>A part a visit used: its part number and how many.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.PartUsed")]
public sealed record PartUsed(
    [property: Id(0)] string PartNumber,
    [property: Id(1)] int Quantity);
