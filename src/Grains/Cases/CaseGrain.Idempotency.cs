using AfterSales.Common;

namespace AfterSales.Cases;

/// <summary>Idempotency keys of commands on an existing case: a client that got no answer (a timeout, a 503 while a
/// silo died) retries with the same key and gets the case as it is now instead of a second change or a 409 for an
/// action already applied.</summary>
internal sealed partial class CaseGrain
{
    /// <summary>The answer to a retry when <paramref name="key"/> was used before: the case as it is now (whatever
    /// changed since), or 422 when the key came with another request. Null for a new key or none.</summary>
    /// <remarks>Checked before the If-Match version: the retry carries the version read before the first attempt,
    /// which that attempt itself moved on.</remarks>
    private async Task<Result<CaseSnapshot>?> ReplayAsync(string? key, string? requestHash)
    {
        if (key is null || !S.Opened || S.CommandKeys.FirstOrDefault(k => k.Key == key) is not { } earlier)
        {
            return null;
        }
        return earlier.RequestHash == requestHash
            ? Result.Replay(await SnapshotAsync())
            : new CommandError(ErrorKind.IdempotencyMismatch,
                "This idempotency key was already used with a different request on this case; use a new key for a new command.");
    }

    /// <summary>Keeps the key in the record, to be stored by the write that applies its command.</summary>
    private void RememberKey(string? key, string? requestHash)
    {
        if (key is null)
        {
            return;
        }
        S.CommandKeys.Add(new CommandKey(key, requestHash));
        if (S.CommandKeys.Count > CaseState.MaxCommandKeys)
        {
            S.CommandKeys.RemoveAt(0);
        }
    }
}
