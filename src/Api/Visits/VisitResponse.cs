using AfterSales.Cases;
using AfterSales.Api.Hosting;

namespace AfterSales.Api.Visits;

/// <summary>A visit recorded on a case.</summary>
/// <param name="Id">1, 2, 3… per case, in the order the visits were recorded.</param>
/// <param name="TechnicianId">Who went on site (the case's technician when the record named none), or null.</param>
/// <param name="StartedAt">Arrival, when the record gave start and end.</param>
/// <param name="EndedAt">Departure, when the record gave start and end.</param>
/// <param name="MinutesOnSite">Time on site in whole minutes (start to end rounded up, or as given).</param>
/// <param name="RecordedBy">Who recorded it (X-Actor).</param>
public sealed record VisitResponse(
    int Id,
    string? TechnicianId,
    string WorkDone,
    IReadOnlyList<PartResponse> Parts,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    int MinutesOnSite,
    VisitOutcome Outcome,
    DateTimeOffset RecordedAt,
    string RecordedBy)
{
    internal static VisitResponse From(CaseVisit v) => new(
        v.Id, v.TechnicianId, v.WorkDone, [.. v.Parts.OrEmpty().Select(p => new PartResponse(p.PartNumber, p.Quantity))],
        v.StartedAt, v.EndedAt, v.MinutesOnSite, v.Outcome, v.RecordedAt, v.RecordedBy);
}

/// <summary>A part a visit used.</summary>
public sealed record PartResponse(string PartNumber, int Quantity);
