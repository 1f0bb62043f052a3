namespace AfterSales.Routing;

/// <summary>Durable state of <see cref="RoutingPolicyGrain"/>: null until seeded from configuration.</summary>
[GenerateSerializer, Alias("AfterSales.Grains.RoutingPolicyState")]
internal sealed class RoutingPolicyState
{
    [Id(0)] public RoutingPolicy? Policy { get; set; }
}
