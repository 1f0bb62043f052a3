namespace AfterSales.Cti;

/// <summary>One line of the call log: a call as it stands, kept by the call itself.</summary>
/// <param name="Revision">Increases with every change of the call; the log keeps the highest it saw.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Cti.CtiCallLogEntry")]
public sealed record CtiCallLogEntry(
    [property: Id(0)] string CallId,
    [property: Id(1)] DateTimeOffset StartedAt,
    [property: Id(2)] CallState State,
    [property: Id(3)] CallOutcome Outcome,
    [property: Id(4)] CallDirection? Direction,
    [property: Id(5)] string? From,
    [property: Id(6)] string? To,
    [property: Id(7)] string? CustomerId,
    [property: Id(8)] string? AnsweredBy,
    [property: Id(9)] DateTimeOffset? EndedAt,
    [property: Id(10)] string? CallbackCase,
    [property: Id(11)] int Revision);
