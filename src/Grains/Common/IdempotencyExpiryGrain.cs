using AfterSales.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AfterSales.Common;

/// <summary>
/// The keys whose idempotency records expire in one window and partition, removed by one reminder at the window's end.
/// </summary>
/// <remarks>
/// <see cref="TrackAsync"/> interleaves: keys that arrive while a write is under way wait together for the next one
/// (group commit), so a busy window costs far fewer writes than keys. A write holds at most one page of keys; a full
/// page is sealed into its own grain first. The sweep runs only after the window's end, when no claim lists keys here
/// any more (a claim lists a key in the window of a moment still to come); keys that arrive during a sweep all the
/// same keep the list and its reminder for the next tick.
/// </remarks>
internal sealed class IdempotencyExpiryGrain(
    [PersistentState("idempotency-expiry", StorageNames.Main)] IPersistentState<IdempotencyExpiryState> state,
    IOptions<IdempotencyOptions> options,
    TimeProvider time,
    ILogger<IdempotencyExpiryGrain> logger) : Grain, IIdempotencyExpiryGrain, IRemindable
{
    internal const int PageSize = 256;
    internal const string ReminderName = "idempotency-expiry";

    private List<string> _pending = [];
    private DateTimeOffset _pendingWindowEnd;
    private TaskCompletionSource? _next;
    private Task _writing = Task.CompletedTask;

    private IdempotencyExpiryState S => state.State;

    private string Key => field ??= this.GetPrimaryKeyString();

    public Task TrackAsync(string idempotencyKey, DateTimeOffset windowEnd)
    {
        _pending.Add(idempotencyKey);
        _pendingWindowEnd = windowEnd;
        _next ??= new TaskCompletionSource();
        var written = _next.Task;
        if (_writing.IsCompleted)
        {
            _writing = WriteLoopAsync();
        }
        return written;
    }

    public async Task SweepAsync()
    {
        if (S.WindowEnd == default)
        {
            await UnregisterReminderAsync();
            return;
        }
        if (time.GetUtcNow() < S.WindowEnd)
        {
            return;
        }
        await _writing;
        var pages = S.SealedPages;
        var keys = S.Keys.ToArray();
        await Task.WhenAll(Enumerable.Range(0, pages).Select(page => Page(page).ExpireAsync(S.WindowEnd)));
        await IdempotencySweep.ExpireAsync(GrainFactory, keys, S.WindowEnd);
        if (S.SealedPages != pages || S.Keys.Count != keys.Length || _pending.Count > 0)
        {
            return;
        }
        await state.ClearStateAsync();
        await UnregisterReminderAsync();
        logger.Swept(Key, pages * PageSize + keys.Length);
        DeactivateOnIdle();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ReminderName)
        {
            return;
        }
        try
        {
            await SweepAsync();
        }
        catch (Exception e)
        {
            // Every step is idempotent: a record already removed, or a page already expired, is a no-op next time.
            logger.SweepFailed(e, Key);
        }
    }

    private async Task WriteLoopAsync()
    {
        while (_next is { } batch)
        {
            var keys = _pending;
            _pending = [];
            _next = null;
            try
            {
                await AppendAsync(keys, _pendingWindowEnd);
                batch.SetResult();
            }
            catch (Exception e)
            {
                batch.SetException(e);
            }
        }
    }

    private async Task AppendAsync(List<string> keys, DateTimeOffset windowEnd)
    {
        if (S.WindowEnd == default)
        {
            S.WindowEnd = windowEnd;
        }
        foreach (var key in keys)
        {
            S.Keys.Add(key);
            if (S.Keys.Count >= PageSize)
            {
                await Page(S.SealedPages).SealAsync([.. S.Keys]);
                S.SealedPages++;
                S.Keys.Clear();
            }
        }
        if (!S.ReminderRegistered)
        {
            // Due at the window's end (by the grains' clock), then once a window until the sweep has finished.
            var due = S.WindowEnd - time.GetUtcNow();
            await this.RegisterOrUpdateReminder(ReminderName, due > TimeSpan.Zero ? due : TimeSpan.Zero, options.Value.ExpiryWindow);
            S.ReminderRegistered = true;
        }
        await state.WriteOrResetAsync(this);
    }

    private IIdempotencyExpiryPageGrain Page(int page) =>
        GrainFactory.GetGrain<IIdempotencyExpiryPageGrain>(GrainKeys.IdempotencyExpiryPage(Key, page));

    private async Task UnregisterReminderAsync()
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }
}
