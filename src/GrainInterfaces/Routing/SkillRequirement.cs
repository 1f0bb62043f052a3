namespace AfterSales.Routing;

/// <summary>A skill a case needs, at a minimum level from 1 (basic) to 5 (expert).</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.SkillRequirement")]
public sealed record SkillRequirement([property: Id(0)] string Name, [property: Id(1)] int MinLevel)
{
    /// <summary>"hydraulics≥3".</summary>
    public override string ToString() => $"{Name}≥{MinLevel}";
}
