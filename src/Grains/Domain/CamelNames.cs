namespace AfterSales.Domain;

/// <summary>The camelCase spelling of enum members, as clients see them in JSON, for use in messages.</summary>
internal static class CamelNames
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        var name = value.ToString();
        return name.Length == 0 ? name : string.Concat(char.ToLowerInvariant(name[0]).ToString(), name.AsSpan(1));
    }

    /// <summary>Every member, comma-separated (<c>consultation, fault, …</c>), so messages never fall behind the enum.</summary>
    public static string List<TEnum>() where TEnum : struct, Enum => string.Join(", ", Enum.GetValues<TEnum>().Select(Of));

    /// <summary>Every member as a choice (<c>consultation, fault, … or problem</c>).</summary>
    public static string OneOf<TEnum>() where TEnum : struct, Enum
    {
        var names = Enum.GetValues<TEnum>().Select(Of).ToArray();
        return names.Length < 2 ? string.Join("", names) : $"{string.Join(", ", names[..^1])} or {names[^1]}";
    }
}
