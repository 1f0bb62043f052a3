namespace AfterSales.Bench.Drivers;

/// <summary>What the feed-lag scenario needs beyond <see cref="IBenchTarget"/>: the case list, read as a client reads it
/// (<c>GET /api/cases</c>).</summary>
internal interface IListTarget
{
    /// <summary>How far the list has followed the journal: every event at or below the position is in it.</summary>
    Task<CallResult<ListProgress>> GetListProgressAsync(CancellationToken cancellationToken);

    /// <summary>Whether a case whose subject or description contains <paramref name="text"/> is listed.</summary>
    Task<CallResult<bool>> IsListedAsync(string text, CancellationToken cancellationToken);
}

/// <summary>The list's <c>progress</c>: journal positions.</summary>
internal readonly record struct ListProgress(long Position, long Head);
