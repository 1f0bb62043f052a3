namespace AfterSales.Cases;

/// <summary>Hands out case numbers from blocks it reserves, so no single counter grain sees every case
/// (stateless worker: one or more per silo, key 0).</summary>
[Alias("AfterSales.ICaseNumberGrain")]
public interface ICaseNumberGrain : IGrainWithIntegerKey
{
    /// <summary>A fresh case number such as <c>AS-2026-000123</c>; never handed out twice.</summary>
    [Alias("Next")]
    Task<string> NextAsync();
}

/// <summary>The durable high-water mark of case numbers for one year (key: the year). Called once per block.</summary>
[Alias("AfterSales.ICaseNumberBlockGrain")]
public interface ICaseNumberBlockGrain : IGrainWithStringKey
{
    /// <summary>Reserves <paramref name="size"/> numbers; returns the first. Persisted before it returns.</summary>
    [Alias("Reserve")]
    Task<long> ReserveAsync(int size);
}
