using System.Collections.Immutable;
using System.Globalization;
using AfterSales.Api.Validation;

namespace AfterSales.Api.Routing;

/// <summary>Checks the shape of routing requests before the values go to the grain that judges them: required
/// members are present, list entries are not <c>null</c> (each named by its path), and every entry is mapped on its
/// own so one answer lists the mistakes of every entry.</summary>
internal static class RequestShape
{
    /// <summary>A required reference value (a string, an object) that the JSON left out or sent as null.</summary>
    public static T? Present<T>(this ValidationErrors errors, string field, T? value)
        where T : class
    {
        if (value is null)
        {
            errors.Add(field, FieldRules.Required);
        }
        return value;
    }

    /// <summary>A required list; null when it or any entry is missing or invalid.</summary>
    public static ImmutableArray<TOut>? RequiredList<TIn, TOut>(this ValidationErrors errors, string field,
        IReadOnlyList<TIn?>? items, Func<TIn, string, TOut?> map)
        where TIn : class
        where TOut : class
    {
        if (items is null)
        {
            errors.Add(field, FieldRules.Required);
            return null;
        }
        return Each(errors, field, items, map);
    }

    /// <summary>An optional list: absent gives an empty one.</summary>
    public static ImmutableArray<TOut>? OptionalList<TIn, TOut>(this ValidationErrors errors, string field,
        IReadOnlyList<TIn?>? items, Func<TIn, string, TOut?> map)
        where TIn : class
        where TOut : class =>
        items is null ? [] : Each(errors, field, items, map);

    private static string At(string field, int index) => string.Create(CultureInfo.InvariantCulture, $"{field}[{index}]");

    private static ImmutableArray<TOut>? Each<TIn, TOut>(ValidationErrors errors, string field, IReadOnlyList<TIn?> items,
        Func<TIn, string, TOut?> map)
        where TIn : class
        where TOut : class
    {
        var result = ImmutableArray.CreateBuilder<TOut>(items.Count);
        var complete = true;
        for (var i = 0; i < items.Count; i++)
        {
            var at = At(field, i);
            if (items[i] is not { } item)
            {
                errors.Add(at, FieldRules.Required);
                complete = false;
                continue;
            }
            if (map(item, at) is { } mapped)
            {
                result.Add(mapped);
            }
            else
            {
                complete = false;
            }
        }
        return complete ? result.ToImmutable() : null;
    }
}
