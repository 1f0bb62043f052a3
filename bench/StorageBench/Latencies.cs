using System.Globalization;

namespace AfterSales.Bench.Storage;

/// <summary>Write latencies of one measurement, in milliseconds.</summary>
internal sealed class Latencies(IEnumerable<double> milliseconds, TimeSpan elapsed)
{
    private readonly double[] _sorted = [.. milliseconds.Order()];

    public int Count => _sorted.Length;

    public string PerSecond => (_sorted.Length / elapsed.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture);

    public string Percentile(double p) => _sorted.Length == 0
        ? "-"
        : _sorted[Math.Min(_sorted.Length - 1, (int)(p * _sorted.Length))].ToString("F2", CultureInfo.InvariantCulture);

    public string Max => _sorted.Length == 0 ? "-" : _sorted[^1].ToString("F1", CultureInfo.InvariantCulture);
}
