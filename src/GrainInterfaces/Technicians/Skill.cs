namespace AfterSales.Technicians;

/// <summary>A named skill at a level from 1 (basic) to 5 (expert).</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.Skill")]
public sealed record Skill([property: Id(0)] string Name, [property: Id(1)] int Level);
