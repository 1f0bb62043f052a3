using AfterSales.Models;
using AfterSales.Readings;

namespace AfterSales.Domain.Readings;

/// <summary>How a meter takes a reading: counters only count up unless the reading says the counter was reset;
/// readings arrive in time order per meter, and one at or before the last is a duplicate of what is known.</summary>
internal static class MeterRules
{
    /// <summary>Largest magnitude of a reading's value: beyond any physical meter, and exact as a decimal total.</summary>
    public const double MaxMagnitude = 1e15;

    public static ReadingVerdict Check(MeterKind kind, MeterSample? last, MeterReading reading)
    {
        if (kind == MeterKind.Counter && reading.Value < 0)
        {
            return ReadingVerdict.Negative;
        }
        if (last is not { } previous)
        {
            return ReadingVerdict.Apply;
        }
        if (reading.At <= previous.At)
        {
            return ReadingVerdict.Stale;
        }
        return kind == MeterKind.Counter && !reading.Reset && reading.Value < previous.Value
            ? ReadingVerdict.Backwards
            : ReadingVerdict.Apply;
    }

    /// <summary>The usage a counter reading adds to the meter's lifetime total: the increment since the last reading,
    /// or, after a reset, everything counted since the reset. A first reading counts from zero. A gauge has no usage.</summary>
    public static double Usage(MeterKind kind, MeterSample? last, MeterReading reading) =>
        kind != MeterKind.Counter ? 0
        : last is not { } previous || reading.Reset ? reading.Value
        : reading.Value - previous.Value;

    /// <summary>The message for a refused reading.</summary>
    public static string Explain(ReadingVerdict verdict, string meter, MeterSample? last, MeterReading reading) => verdict switch
    {
        ReadingVerdict.Backwards => FormattableString.Invariant(
            $"Counter {meter} reads {reading.Value} at {reading.At:O}, below its last value {last!.Value.Value} at {last.Value.At:O}; a counter only counts up unless the reading says it was reset (reset: true)."),
        ReadingVerdict.Negative => FormattableString.Invariant($"Counter {meter} cannot read {reading.Value}: a counter is never negative."),
        _ => verdict.ToString(),
    };
}
