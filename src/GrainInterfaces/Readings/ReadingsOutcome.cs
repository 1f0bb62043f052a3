using System.Collections.Immutable;

namespace AfterSales.Readings;

/// <summary>What a device did with the readings of one call: all applied, or — when any is refused — none.</summary>
/// <param name="Applied">Readings that changed a meter.</param>
/// <param name="Stale">Readings at or before their meter's last reading time: already superseded (e.g. a retried
/// call), ignored.</param>
/// <param name="Rejections">Readings refused; when there is any, nothing of the call was applied.</param>
/// <param name="WorkOrders">Maintenance work orders the readings opened (usage thresholds, condition episodes).</param>
[GenerateSerializer, Immutable, Alias("AfterSales.ReadingsOutcome")]
public sealed record ReadingsOutcome(
    [property: Id(0)] int Applied,
    [property: Id(1)] int Stale,
    [property: Id(2)] ImmutableArray<ReadingRejection> Rejections,
    [property: Id(3)] ImmutableArray<string> WorkOrders)
{
    public bool IsAccepted => Rejections.IsDefaultOrEmpty;
}
