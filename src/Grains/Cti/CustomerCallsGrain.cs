using System.Collections.Immutable;
using AfterSales.Common;

namespace AfterSales.Cti;

/// <summary>The calls matched to one customer, one row each, for the GDPR erase.</summary>
/// <remarks>Awaits no grain; calls await it.</remarks>
internal sealed class CustomerCallsGrain(
    [PersistentState("customerCalls", StorageNames.Main)] IPersistentState<CustomerCallsState> state) : Grain, ICustomerCallsGrain
{
    public async Task AddAsync(string callId)
    {
        // The call's key (a hash) names the row: a PBX's call id never becomes a key of any kind.
        var row = CtiKeys.Call(callId);
        if (state.State.Calls.ContainsKey(row))
        {
            return;
        }
        state.State.Calls.Set(row, new CustomerCall(callId));
        state.State.Writes++;
        await state.WriteOrResetAsync(this);
    }

    public Task<ImmutableArray<string>> GetCallIdsAsync() =>
        Task.FromResult<ImmutableArray<string>>([.. state.State.Calls.Values.Select(call => call.CallId)]);
}
