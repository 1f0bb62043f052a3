namespace AfterSales.Faults.Load;

/// <summary>How the load client retries a write: as a careful client would, with the same idempotency key, after a
/// failure (no answer, 5xx, 408, 429) until an answer settles it or it gives up.</summary>
/// <param name="AttemptTimeout">One attempt's limit (the client's, not the server's).</param>
/// <param name="GiveUpAfter">From the first attempt: after this a write still failing is left unknown.</param>
/// <param name="Backoff">The pause before a retry; a <c>Retry-After</c> answer is honoured up to a second.</param>
public sealed record RetryPolicy(TimeSpan AttemptTimeout, TimeSpan GiveUpAfter, TimeSpan Backoff)
{
    public static RetryPolicy Default { get; } = new(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(200));
}
