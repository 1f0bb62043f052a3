namespace AfterSales.Customers;

/// <summary>Durable state of <see cref="PhoneIndexGrain"/>.</summary>
[GenerateSerializer, Alias("AfterSales.Grains.PhoneIndexState")]
internal sealed class PhoneIndexState
{
    /// <summary>Customer ids listing this number, oldest registration first (bounded).</summary>
    [Id(0)] public List<string> CustomerIds { get; set; } = [];
}
