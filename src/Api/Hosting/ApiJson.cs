using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AfterSales.Api.Hosting;

/// <summary>The one JSON contract of the API: camelCase names, enums as camelCase strings (departments by their
/// slugs), dates as <c>yyyy-MM-dd</c>, and strict reading — unknown or duplicate properties, numbers for enums,
/// numbers in strings and nulls for required values are all refused.</summary>
internal static class ApiJson
{
    private static readonly ConcurrentDictionary<Type, string[]> EnumNames = new();

    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.AllowDuplicateProperties = false;
        options.RespectNullableAnnotations = true;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
    }

    /// <summary>The options the API reads and writes with, for code outside the HTTP pipeline (hashing, tests).</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>The JSON spelling of an enum value, e.g. <c>inProgress</c> or <c>technical-support</c>.</summary>
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonSerializer.SerializeToElement(value, Options).GetString()!;

    /// <summary>Every JSON spelling an enum type accepts, in declaration order.</summary>
    public static IReadOnlyList<string> Names(Type enumType) =>
        EnumNames.GetOrAdd(enumType, static type => Enum.GetValues(type).Cast<object>()
            .Select(value => JsonSerializer.SerializeToElement(value, type, Options).GetString()!)
            .ToArray());

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
