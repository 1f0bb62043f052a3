namespace AfterSales.CaseList;

/// <summary>How far the case list has followed the event journal.</summary>
/// <param name="Position">Every event at or below this journal position is applied (the lowest checkpoint of the
/// partitions); events above it may be applied too (the stream delivers them before the catch-up confirms them).</param>
/// <param name="Head">The highest position in the journal when asked.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.CaseList.ProjectionProgress")]
public sealed record ProjectionProgress([property: Id(0)] long Position, [property: Id(1)] long Head)
{
    /// <summary>Journal events (of every stream) not yet confirmed applied.</summary>
    public long Lag => Math.Max(0, Head - Position);
}
