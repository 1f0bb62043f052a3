namespace AfterSales.Persistence;

/// <summary>New data for one event of a stream (<see cref="IEventLog.RewriteAsync"/>).</summary>
/// <param name="Sequence">The event's sequence in its stream.</param>
/// <param name="Data">The JSON object that replaces its data.</param>
public sealed record EventRewrite(long Sequence, string Data);
