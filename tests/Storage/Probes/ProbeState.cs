namespace AfterSales.Tests.Storage.Probes;

[GenerateSerializer, Alias("AfterSales.Tests.Storage.ProbeState")]
public sealed class ProbeState
{
    [Id(0)] public string Value { get; set; } = "";
    [Id(1)] public int Writes { get; set; }
}
