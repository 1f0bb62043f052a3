using System.Collections.Immutable;

namespace AfterSales.Technicians;

/// <summary>Sets a technician's presence. Going off shift returns the cases not yet started to the queue; with a
/// shift pattern, a manual change holds until the pattern's next boundary.</summary>
/// <param name="ExpectedVersion">From the client's If-Match; null to skip the check.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.SetPresenceRequest")]
public sealed record SetPresenceRequest(
    [property: Id(0)] Presence Presence,
    [property: Id(1)] int? ExpectedVersion = null);

/// <summary>Changes a technician's skills and/or capacity (null leaves a field as it is). Capacity cannot go
/// below the units in use.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.UpdateTechnicianRequest")]
public sealed record UpdateTechnicianRequest(
    [property: Id(0)] ImmutableArray<Skill>? Skills,
    [property: Id(1)] int? Capacity,
    [property: Id(2)] int? ExpectedVersion = null);

/// <summary>Sets the weekly shift pattern (an empty list removes it; presence is then only set by hand).</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.SetShiftPatternRequest")]
public sealed record SetShiftPatternRequest(
    [property: Id(0)] ImmutableArray<ShiftWindow> Windows,
    [property: Id(1)] int? ExpectedVersion = null);
