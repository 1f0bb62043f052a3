using AfterSales.Common;

namespace AfterSales.Cases;

/// <summary>The durable high-water mark of one year's case numbers. Called once per block, not per case.</summary>
internal sealed class CaseNumberBlockGrain(
    [PersistentState("case-number-block", StorageNames.Main)] IPersistentState<CaseNumberBlockState> state) : Grain, ICaseNumberBlockGrain
{
    internal const int MaxBlockSize = 10_000;

    public async Task<long> ReserveAsync(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, MaxBlockSize);
        var first = state.State.HighWaterMark + 1;
        state.State.HighWaterMark += size;
        // Persisted before the block is handed out, so a restart can never hand the same numbers out again.
        await state.WriteOrResetAsync(this);
        return first;
    }
}
