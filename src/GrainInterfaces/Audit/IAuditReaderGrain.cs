namespace AfterSales.Audit;

/// <summary>Reads the audit record across hours and shards (a stateless worker: any silo, any number of copies).</summary>
[Alias("AfterSales.Audit.IAuditReaderGrain")]
public interface IAuditReaderGrain : IGrainWithIntegerKey
{
    /// <summary>A page of the entries that match, newest first: the shards of each hour are read together, the hours
    /// from the newest down, until the page is full or the range is read.</summary>
    [ReadOnly, Alias("Read")]
    Task<AuditPage> ReadAsync(AuditQuery query);
}
