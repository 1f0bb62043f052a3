using System.Collections.Immutable;

namespace AfterSales.Api.Hosting;

internal static class ImmutableArrayExtensions
{
    /// <summary>A default (never assigned) array reads as empty instead of throwing.</summary>
    public static ImmutableArray<T> OrEmpty<T>(this ImmutableArray<T> array) => array.IsDefault ? [] : array;
}
