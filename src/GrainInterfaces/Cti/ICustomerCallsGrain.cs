using System.Collections.Immutable;

namespace AfterSales.Cti;

/// <summary>The calls matched to one customer (key: the customer id), one row each: written by a call once its caller
/// lookup found the customer, so a GDPR erase of the customer finds every call that holds the customer's number.</summary>
/// <remarks>The erase reads the list and asks each call itself (<see cref="ICtiCallGrain.ErasePersonalDataAsync"/>):
/// this grain never awaits a call, so a call awaiting it is never in a cycle.</remarks>
[Alias("AfterSales.ICustomerCallsGrain")]
public interface ICustomerCallsGrain : IGrainWithStringKey
{
    /// <summary>Adds a call; a call already listed changes nothing.</summary>
    [Alias("Add")]
    Task AddAsync(string callId);

    /// <summary>The PBX call ids of the listed calls, in no particular order.</summary>
    [Alias("GetCallIds"), ReadOnly]
    Task<ImmutableArray<string>> GetCallIdsAsync();
}
