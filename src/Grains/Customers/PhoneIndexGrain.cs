using System.Collections.Immutable;
using AfterSales.Common;
using Microsoft.Extensions.Logging;

namespace AfterSales.Customers;

/// <summary>Reverse index of one phone number to the customers that list it.</summary>
internal sealed class PhoneIndexGrain(
    [PersistentState("phone-index", StorageNames.Main)] IPersistentState<PhoneIndexState> state,
    ILogger<PhoneIndexGrain> logger) : Grain, IPhoneIndexGrain
{
    /// <summary>A shared switchboard number can list many customers; beyond this the oldest entry goes.</summary>
    internal const int MaxCustomers = 100;

    public async Task AddAsync(string customerId)
    {
        var ids = state.State.CustomerIds;
        if (ids.Contains(customerId, StringComparer.Ordinal))
        {
            return;
        }
        if (ids.Count >= MaxCustomers)
        {
            logger.PhoneIndexFull(MaxCustomers, ids[0]);
            ids.RemoveAt(0);
        }
        ids.Add(customerId);
        await state.WriteOrResetAsync(this);
    }

    public async Task RemoveAsync(string customerId)
    {
        if (state.State.CustomerIds.Remove(customerId))
        {
            await state.WriteOrResetAsync(this);
        }
    }

    public Task<ImmutableArray<string>> GetCustomerIdsAsync() => Task.FromResult(state.State.CustomerIds.ToImmutableArray());
}
