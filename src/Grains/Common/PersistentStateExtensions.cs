namespace AfterSales.Common;

/// <summary>Writing grain state without letting memory and storage drift apart.</summary>
internal static class PersistentStateExtensions
{
    /// <summary>Writes the state. If the write fails the caller still sees the failure, and the activation is
    /// dropped so the next call reloads what storage holds instead of serving changes that were never stored.</summary>
    public static async Task WriteOrResetAsync<TState>(this IPersistentState<TState> state, IGrainBase grain, CancellationToken cancellationToken = default)
    {
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            grain.DeactivateOnIdle();
            throw;
        }
    }
}
