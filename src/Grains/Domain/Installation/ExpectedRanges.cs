using System.Globalization;
using AfterSales.Models;

namespace AfterSales.Domain.Installation;

/// <summary>A measurement's expected range: inclusive at both ends, either end may be open.</summary>
internal static class ExpectedRanges
{
    public static bool Contains(ChecklistItemTemplate item, decimal value) =>
        (item.Min is not { } min || value >= min) && (item.Max is not { } max || value <= max);

    /// <summary>"200 to 240 V", "at least 0.5 bar", "at most 3 mm" or "any value in V".</summary>
    public static string Describe(ChecklistItemTemplate item) => Describe(item.Min, item.Max, item.Unit);

    public static string Describe(decimal? min, decimal? max, string? unitName)
    {
        var unit = string.IsNullOrEmpty(unitName) ? "" : " " + unitName;
        return (min, max) switch
        {
            ({ } low, { } high) => $"{Number(low)} to {Number(high)}{unit}",
            ({ } low, null) => $"at least {Number(low)}{unit}",
            (null, { } high) => $"at most {Number(high)}{unit}",
            _ => $"any value{(unit.Length == 0 ? "" : " in" + unit)}",
        };
    }

    /// <summary>"250 V".</summary>
    public static string Measured(decimal value, string? unit) =>
        string.IsNullOrEmpty(unit) ? Number(value) : $"{Number(value)} {unit}";

    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
