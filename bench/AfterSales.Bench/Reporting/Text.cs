using System.Globalization;

namespace AfterSales.Bench.Reporting;

/// <summary>Numbers and sentences in reports are written the same way on every machine.</summary>
internal static class Text
{
    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Nanoseconds as milliseconds: three decimals below 10 ms, one above.</summary>
    public static string Ms(long nanoseconds) =>
        (nanoseconds / 1e6).ToString(nanoseconds < 10_000_000 ? "0.000" : "0.0", CultureInfo.InvariantCulture);
}
