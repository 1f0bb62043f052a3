namespace AfterSales.Faults.Ledger;

/// <summary>One request the load client sent and what came back. Times are offsets from the ledger's start.</summary>
/// <param name="Status">The HTTP status, or null when no answer came (timeout, connection refused or reset).</param>
/// <param name="Error">Why no answer came (<c>timeout</c>, <c>connection</c>), or null.</param>
/// <param name="IsProblem">The answer was <c>application/problem+json</c>.</param>
public sealed record Attempt(long WriteId, WriteKind Kind, int Try, TimeSpan SentAt, TimeSpan AnsweredAt, int? Status, string? Error, bool IsProblem)
{
    public bool Succeeded => Status is >= 200 and < 300;

    public bool Failed => !Succeeded && Status is not (>= 400 and < 500 and not 408 and not 429);

    public TimeSpan Latency => AnsweredAt - SentAt;

    /// <summary>The status, or the error when nothing came back, for tallies.</summary>
    public string Answer => Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Error ?? "none";
}
