namespace AfterSales.Customers;

/// <summary>Service tier bought by the customer; higher tiers get tighter service levels.</summary>
[GenerateSerializer, Alias("AfterSales.CustomerTier")]
public enum CustomerTier
{
    Standard = 0,
    Gold = 1,
    Platinum = 2,
}
