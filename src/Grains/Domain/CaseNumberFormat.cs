using System.Globalization;

namespace AfterSales.Domain;

/// <summary>Spelling of case numbers: <c>{prefix}-{year}-{n:D6}</c>, e.g. <c>AS-2026-000123</c>.</summary>
internal static class CaseNumberFormat
{
    public static string Format(string prefix, int year, long sequence)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}-{year:D4}-{sequence:D6}");
    }
}
