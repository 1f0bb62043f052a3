using NodaTime;

namespace AfterSales.Domain.Sla;

/// <summary>A half-open stretch of time <c>[Start, End)</c>; <see cref="Instant.MaxValue"/> as the end means open.</summary>
internal readonly record struct TimeRange(Instant Start, Instant End)
{
    public Duration Length => End - Start;

    public static TimeRange Of(DateTimeOffset start, DateTimeOffset end) =>
        new(Instant.FromDateTimeOffset(start), Instant.FromDateTimeOffset(end));

    /// <summary>From <paramref name="start"/> on, without end.</summary>
    public static TimeRange From(DateTimeOffset start) => new(Instant.FromDateTimeOffset(start), Instant.MaxValue);
}
