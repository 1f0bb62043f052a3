namespace AfterSales.Bench.Stats;

/// <summary>One latency distribution against a baseline: how many times longer its median and its p99 are, and whether
/// both stay within <see cref="Limit"/> (e.g. 1.5×).</summary>
internal sealed record LatencyRatio(long SubjectP50Ns, long SubjectP99Ns, long BaselineP50Ns, long BaselineP99Ns, double Limit)
{
    public double P50Ratio => Ratio(SubjectP50Ns, BaselineP50Ns);

    public double P99Ratio => Ratio(SubjectP99Ns, BaselineP99Ns);

    public bool Met => BaselineP50Ns > 0 && BaselineP99Ns > 0 && P50Ratio <= Limit && P99Ratio <= Limit;

    public static LatencyRatio Of(LatencyHistogram subject, LatencyHistogram baseline, double limit) =>
        subject.Count == 0 || baseline.Count == 0
            ? new LatencyRatio(0, 0, 0, 0, limit)
            : new LatencyRatio(subject.ValueAtPercentile(50), subject.ValueAtPercentile(99),
                baseline.ValueAtPercentile(50), baseline.ValueAtPercentile(99), limit);

    /// <summary><paramref name="value"/> over <paramref name="baseline"/>; infinity when there is no baseline.</summary>
    public static double Ratio(double value, double baseline) => baseline > 0 ? value / baseline : double.PositiveInfinity;
}
