namespace AfterSales.Domain;

/// <summary>The camelCase spelling of enum members, as clients see them in JSON, for use in messages.</summary>
internal static class CamelNames
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        var name = value.ToString();
        return name.Length == 0 ? name : string.Concat(char.ToLowerInvariant(name[0]).ToString(), name.AsSpan(1));
    }
}
