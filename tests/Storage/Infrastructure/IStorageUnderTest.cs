using Orleans.Storage;

namespace AfterSales.Tests.Storage.Infrastructure;

/// <summary>A grain storage the contract tests drive, and a look at what it keeps.</summary>
public interface IStorageUnderTest
{
    IGrainStorage Storage { get; }

    /// <summary>How many records the store holds for this grain's state (tombstones included).</summary>
    Task<long> CountRowsAsync(string stateName, string grainKey);
}
