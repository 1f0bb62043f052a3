namespace AfterSales.Sla;

/// <summary>Durable state of <see cref="BusinessCalendarGrain"/>: null until the region's calendar is first set.</summary>
[GenerateSerializer, Alias("AfterSales.Grains.BusinessCalendarState")]
internal sealed class BusinessCalendarState
{
    [Id(0)] public BusinessCalendarDefinition? Definition { get; set; }
    [Id(1)] public int Version { get; set; }
    [Id(2)] public DateTimeOffset? UpdatedAt { get; set; }
}

/// <summary>Durable state of <see cref="SlaPolicyGrain"/>: null until the default policy is first replaced.</summary>
[GenerateSerializer, Alias("AfterSales.Grains.SlaPolicyState")]
internal sealed class SlaPolicyState
{
    [Id(0)] public SlaPolicy? Policy { get; set; }
}
