namespace AfterSales.Sla;

/// <summary>How long something may take, and how that time is counted.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.Sla.SlaTarget")]
public sealed record SlaTarget(
    [property: Id(0)] TimeSpan Duration,
    [property: Id(1)] SlaClockMode Clock);
