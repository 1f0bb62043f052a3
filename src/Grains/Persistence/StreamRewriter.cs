namespace AfterSales.Persistence;

/// <summary>Rewrites the data of the events of one stream that a function changes, in one <see cref="IEventLog.RewriteAsync"/>
/// (the GDPR erase of a case or complaint).</summary>
internal static class StreamRewriter
{
    private const int Page = 1000;

    /// <summary>Reads the stream up to <paramref name="lastSequence"/> and rewrites every event for which
    /// <paramref name="rewrite"/> (kind, data) answers new data; answers how many were rewritten.</summary>
    public static async Task<int> RewriteStreamAsync(this IEventLog log, string streamType, string streamId, long lastSequence,
        Func<string, string, string?> rewrite)
    {
        var rewrites = new List<EventRewrite>();
        long after = 0;
        while (after < lastSequence)
        {
            var page = await log.ReadStreamAsync(streamType, streamId, after, Page);
            if (page.Count == 0)
            {
                break;
            }
            foreach (var stored in page)
            {
                if (rewrite(stored.Event.Kind, stored.Event.Data) is { } data)
                {
                    rewrites.Add(new EventRewrite(stored.Event.Sequence, data));
                }
            }
            after = page[^1].Event.Sequence;
        }
        await log.RewriteAsync(streamType, streamId, rewrites);
        return rewrites.Count;
    }
}
