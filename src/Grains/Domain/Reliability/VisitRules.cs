using System.Globalization;
using AfterSales.Cases;
using AfterSales.Common;

namespace AfterSales.Domain.Reliability;

/// <summary>What a visit record must hold, which cases take visits, and how long a visit was on site.</summary>
internal static class VisitRules
{
    /// <summary>How far in the future a visit's end may lie (clocks of handhelds drift).</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Visits are work on a device: fault, maintenance and installation cases take them; consultations,
    /// complaints and problems do not.</summary>
    public static bool TakesVisits(CaseType type) => type is CaseType.Fault or CaseType.Maintenance or CaseType.Installation;

    /// <summary>A closed or cancelled case takes no visit (a resolved one does: the report of the visit that fixed it
    /// often arrives after the resolution).</summary>
    public static bool IsFinished(CaseStatus status) => status is CaseStatus.Closed or CaseStatus.Cancelled;

    /// <summary>The first problem with the record, or null when it is complete and consistent.</summary>
    public static FieldError? Validate(RecordVisitRequest request, DateTimeOffset now)
    {
        if (request.TechnicianId is { } technician && (string.IsNullOrWhiteSpace(technician) || technician.Length > FieldLimits.Identifier))
        {
            return new("technicianId", $"A technician id has 1 to {FieldLimits.Identifier} characters.");
        }
        if (string.IsNullOrWhiteSpace(request.WorkDone) || request.WorkDone.Length > VisitLimits.WorkDone)
        {
            return new("workDone", $"A visit records the work done in 1 to {VisitLimits.WorkDone} characters.");
        }
        if (!Enum.IsDefined(request.Outcome))
        {
            return new("outcome", "Outcome must be fixed or followUpNeeded.");
        }
        return ValidateParts(request) ?? ValidateTime(request, now);
    }

    /// <summary>Time on site in whole minutes: as given, or from start to end rounded up.</summary>
    public static int MinutesOnSite(RecordVisitRequest request) =>
        request.MinutesOnSite ?? (int)Math.Ceiling((request.EndedAt!.Value - request.StartedAt!.Value).TotalMinutes);

    /// <summary>One line for the journals: <c>visit 2 by T-7: followUpNeeded, 45 min on site, 2 parts</c>.</summary>
    public static string Describe(CaseVisit visit) => string.Create(CultureInfo.InvariantCulture,
        $"visit {visit.Id}{(visit.TechnicianId is { } t ? " by " + t : "")}: {CamelNames.Of(visit.Outcome)}, {visit.MinutesOnSite} min on site, {visit.Parts.Length} part{(visit.Parts.Length == 1 ? "" : "s")}");

    private static FieldError? ValidateParts(RecordVisitRequest request)
    {
        var parts = request.Parts.IsDefault ? [] : request.Parts;
        if (parts.Length > VisitLimits.Parts)
        {
            return new("parts", $"A visit lists at most {VisitLimits.Parts} parts.");
        }
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part is null)
            {
                return new($"parts[{i}]", "A part needs a part number and a quantity.");
            }
            if (string.IsNullOrWhiteSpace(part.PartNumber) || part.PartNumber.Length > VisitLimits.PartNumber)
            {
                return new($"parts[{i}].partNumber", $"A part number has 1 to {VisitLimits.PartNumber} characters.");
            }
            if (part.Quantity is < VisitLimits.QuantityMin or > VisitLimits.QuantityMax)
            {
                return new($"parts[{i}].quantity", $"A quantity is {VisitLimits.QuantityMin} to {VisitLimits.QuantityMax}.");
            }
        }
        return null;
    }

    private static FieldError? ValidateTime(RecordVisitRequest request, DateTimeOffset now)
    {
        var span = request.StartedAt is not null || request.EndedAt is not null;
        if (request.MinutesOnSite is { } minutes)
        {
            if (span)
            {
                return new("minutesOnSite", "Give the time on site as minutesOnSite or as startedAt and endedAt, not both.");
            }
            return minutes is < VisitLimits.MinutesMin or > VisitLimits.MinutesMax
                ? new("minutesOnSite", $"Time on site is {VisitLimits.MinutesMin} to {VisitLimits.MinutesMax} minutes.")
                : null;
        }
        if (!span)
        {
            return new("minutesOnSite", "A visit needs its time on site: minutesOnSite, or startedAt and endedAt.");
        }
        if (request.StartedAt is not { } start)
        {
            return new("startedAt", "With endedAt, give startedAt too.");
        }
        if (request.EndedAt is not { } end)
        {
            return new("endedAt", "With startedAt, give endedAt too.");
        }
        if (end <= start)
        {
            return new("endedAt", "A visit ends after it starts.");
        }
        if (end - start > TimeSpan.FromMinutes(VisitLimits.MinutesMax))
        {
            return new("endedAt", $"One visit lasts at most {VisitLimits.MinutesMax} minutes; record a longer stay as several visits.");
        }
        return end > now + ClockSkew ? new("endedAt", "A visit cannot end in the future.") : null;
    }
}
