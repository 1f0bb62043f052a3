namespace AfterSales.Common;

/// <summary>The durable store could not be reached or refused the work for a reason of its own (connections
/// exhausted, server down, disk full): nothing of the failed write was applied, and the same request may be retried.
/// It replaces the database driver's exception at the storage boundary, because the driver's types cannot cross to a
/// client (and would leak server details); the API answers it with 503 and <c>Retry-After</c>.</summary>
[GenerateSerializer, Alias("AfterSales.StorageUnavailableException")]
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message) : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception inner) : base(message, inner)
    {
    }
}
