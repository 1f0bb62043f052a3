namespace AfterSales;

/// <summary>Names of the grain storage providers the grains use; the host registers them.</summary>
public static class StorageNames
{
    /// <summary>Durable grain state of every after-sales grain.</summary>
    public const string Main = "aftersales";
}
