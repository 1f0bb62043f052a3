namespace AfterSales.Tests.Storage.Probes;

[GenerateSerializer, Immutable, Alias("AfterSales.Tests.Storage.RowProbeItem")]
public sealed record RowProbeItem([property: Id(0)] string Text);
