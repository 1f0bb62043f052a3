namespace AfterSales.Cases;

/// <summary>How the case came in.</summary>
[GenerateSerializer, Alias("AfterSales.CaseChannel")]
public enum CaseChannel
{
    Phone = 0,
    Web = 1,
    Email = 2,
    Api = 3,
    System = 4,
}
