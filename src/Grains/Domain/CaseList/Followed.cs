namespace AfterSales.Domain.CaseList;

/// <summary>An event as an <see cref="EventFollower{TEvent}"/> sees it.</summary>
/// <param name="Stream">The stream it belongs to (e.g. a case number).</param>
/// <param name="Sequence">Its place in the stream: 1, 2, 3… without gaps.</param>
/// <param name="EventId">Its unique id.</param>
/// <param name="Position">Its journal position when read from the journal; null when it came over the live stream.</param>
/// <param name="Event">The event itself.</param>
internal readonly record struct Followed<TEvent>(string Stream, long Sequence, Guid EventId, long? Position, TEvent Event);

/// <summary>A run of a stream's events the follower is missing: the ones above <see cref="AfterSequence"/> and below
/// <see cref="BeforeSequence"/>.</summary>
internal readonly record struct FollowGap(string Stream, long AfterSequence, long BeforeSequence);
