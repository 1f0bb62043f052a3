using AfterSales.Cases;

namespace AfterSales.Devices;

/// <summary>A case about the device opened or ended; the device's status follows its open cases (an open fault case
/// makes it faulty, an open maintenance visit under maintenance; when none is left it is back in service).
/// Idempotent per case number and <paramref name="Open"/>.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.DeviceCaseChange")]
public sealed record DeviceCaseChange(
    [property: Id(0)] string CaseNumber,
    [property: Id(1)] CaseType Type,
    [property: Id(2)] bool Open,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string Actor);
