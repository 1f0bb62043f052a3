namespace AfterSales.Readings;

/// <summary>One value of a meter at a time: what a condition rule's window holds.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.MeterSample")]
public readonly record struct MeterSample(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] double Value);
