namespace AfterSales.Common;

/// <summary>Expires the idempotency records of a list of keys, a bounded number at a time.</summary>
internal static class IdempotencySweep
{
    private const int InFlight = 64;

    public static async Task ExpireAsync(IGrainFactory grains, IReadOnlyList<string> keys, DateTimeOffset windowEnd)
    {
        for (var i = 0; i < keys.Count; i += InFlight)
        {
            await Task.WhenAll(keys.Skip(i).Take(InFlight).Select(key => grains.GetGrain<IIdempotencyGrain>(key).ExpireAsync(windowEnd)));
        }
    }
}
