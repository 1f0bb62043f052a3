namespace AfterSales.Cases;

/// <summary>Durable state of <see cref="CaseNumberBlockGrain"/>.</summary>
[GenerateSerializer, Alias("AfterSales.Grains.CaseNumberBlockState")]
internal sealed class CaseNumberBlockState
{
    /// <summary>The highest number ever reserved this year (0 before the first block).</summary>
    [Id(0)] public long HighWaterMark { get; set; }
}
