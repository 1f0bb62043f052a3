using System.Globalization;

namespace AfterSales.Api.Validation;

/// <summary>The camelCase JSON paths errors name, for rows of a batch (<c>readings[3].value</c>).</summary>
internal static class FieldPaths
{
    /// <summary><c>collection[index]</c>, or <c>collection[index].field</c>.</summary>
    public static string Item(string collection, int index, string? field = null) => field is null
        ? string.Create(CultureInfo.InvariantCulture, $"{collection}[{index}]")
        : string.Create(CultureInfo.InvariantCulture, $"{collection}[{index}].{field}");

    /// <summary><paramref name="field"/> under <paramref name="path"/>; the field alone when there is no path (a single body).</summary>
    public static string Member(string? path, string field) => path is null ? field : $"{path}.{field}";
}
