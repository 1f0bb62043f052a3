namespace AfterSales.Common;

/// <summary>Durable state of <see cref="HealthProbeGrain"/>.</summary>
[GenerateSerializer, Alias("AfterSales.Grains.HealthProbeState")]
internal sealed class HealthProbeState
{
    [Id(0)] public DateTimeOffset ProbedAt { get; set; }
}
