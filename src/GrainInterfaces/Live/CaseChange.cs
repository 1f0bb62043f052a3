namespace AfterSales.Live;

/// <summary>A committed change of a case, as the live feed pushes it to the API processes that show it to people.</summary>
/// <param name="CaseNumber">The case.</param>
/// <param name="Sequence">The sequence of the write's last event in the case's journal.</param>
/// <param name="Kind">What happened last (an event kind of the case journal, e.g. <c>assigned</c>).</param>
/// <param name="At">When.</param>
/// <param name="Status">The case's status after the change, when the write carried it.</param>
/// <param name="Department">The department (slug) the case is in after the change, when known.</param>
/// <param name="Region">The region the case is in after the change, when known.</param>
/// <param name="PreviousDepartment">The department it was in before, when the change moved it (a transfer or escalation).</param>
/// <param name="PreviousRegion">The region it was in before, when the change moved it.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Live.CaseChange")]
public sealed record CaseChange(
    [property: Id(0)] string CaseNumber,
    [property: Id(1)] long Sequence,
    [property: Id(2)] string Kind,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string? Status,
    [property: Id(5)] string? Department,
    [property: Id(6)] string? Region,
    [property: Id(7)] string? PreviousDepartment = null,
    [property: Id(8)] string? PreviousRegion = null)
{
    /// <summary>Whether the change concerns the board of <paramref name="department"/> in <paramref name="region"/>:
    /// the case is there now or just left it.</summary>
    public bool Concerns(string department, string region) =>
        (Department == department && Region == region) || (PreviousDepartment == department && PreviousRegion == region);
}
