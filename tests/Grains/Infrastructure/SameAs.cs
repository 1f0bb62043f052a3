using System.Text.Json;

namespace AfterSales.Tests.Grains.Infrastructure;

/// <summary>Value comparison for snapshots: the contract records hold <c>ImmutableArray</c>s, whose equality
/// is by reference, so two copies of the same state compare unequal with <c>Assert.Equal</c>.</summary>
internal static class SameAs
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static void Expected<T>(T expected, T actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected, Options), JsonSerializer.Serialize(actual, Options));
}
