namespace AfterSales.Tests.Grains.Infrastructure;

/// <summary>Waits for something that happens asynchronously by design (a department drains its queue in a
/// turn of its own), by polling a condition until a deadline.</summary>
internal static class Eventually
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            var value = await probe();
            if (condition(value))
            {
                return value;
            }
            if (DateTimeOffset.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting until {what}; last value: {value}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }
}
