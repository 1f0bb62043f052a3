using System.Collections.Immutable;
using System.ComponentModel.DataAnnotations;
using AfterSales.Api.Hosting;
using AfterSales.Api.Validation;
using AfterSales.Cases;

namespace AfterSales.Api.Visits;

/// <summary>A maintenance or repair visit: the work done, the parts used, the time on site and how it ended. Give the
/// time on site as <paramref name="MinutesOnSite"/> or as <paramref name="StartedAt"/> and <paramref name="EndedAt"/>,
/// not both.</summary>
/// <param name="WorkDone">What the technician did (1 to 2000 characters; line breaks allowed).</param>
/// <param name="Outcome">fixed, or followUpNeeded when someone has to come back (counts against first-time fix).</param>
/// <param name="TechnicianId">Who went on site; default: the case's technician.</param>
/// <param name="Parts">Up to 50 parts used, each with its part number and quantity (1 to 10000).</param>
/// <param name="MinutesOnSite">Time on site in minutes, 1 to 1440.</param>
/// <param name="StartedAt">Arrival on site, with its offset.</param>
/// <param name="EndedAt">Departure: after startedAt, at most 1440 minutes later, not in the future.</param>
public sealed record VisitRequest(
    [property: Required, StringLength(VisitLimits.WorkDone, MinimumLength = 1), Example("\"Replaced the worn pump seal; pressure test passed.\"")] string WorkDone,
    [property: Required, Example("\"fixed\"")] VisitOutcome? Outcome,
    [property: StringLength(Limits.Identifier, MinimumLength = 1), RegularExpression(Limits.IdentifierPattern), Example("\"T-7\"")] string? TechnicianId = null,
    [property: MaxLength(VisitLimits.Parts)] IReadOnlyList<PartRequest>? Parts = null,
    [property: Range(VisitLimits.MinutesMin, VisitLimits.MinutesMax), Example("45")] int? MinutesOnSite = null,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? EndedAt = null)
{
    internal RecordVisitRequest? Validate(ValidationErrors errors, string actor)
    {
        var workDone = errors.RequiredMultilineText("workDone", WorkDone, VisitLimits.WorkDone);
        var outcome = errors.RequiredValue("outcome", Outcome);
        var technicianId = errors.OptionalIdentifier("technicianId", TechnicianId);
        var parts = ImmutableArray.CreateBuilder<PartUsed>(Parts?.Count ?? 0);
        if (Parts is { Count: > VisitLimits.Parts })
        {
            errors.Add("parts", $"A visit lists at most {VisitLimits.Parts} parts.");
        }
        for (var i = 0; Parts is not null && i < Parts.Count; i++)
        {
            if (Parts[i] is not { } part)
            {
                errors.Add($"parts[{i}]", FieldRules.Required);
                continue;
            }
            var number = errors.RequiredIdentifier($"parts[{i}].partNumber", part.PartNumber);
            var quantity = errors.RequiredInRange($"parts[{i}].quantity", part.Quantity, VisitLimits.QuantityMin, VisitLimits.QuantityMax);
            if (number is not null && quantity is not null)
            {
                parts.Add(new PartUsed(number, quantity.Value));
            }
        }
        if (MinutesOnSite is { } minutes)
        {
            errors.RequiredInRange("minutesOnSite", minutes, VisitLimits.MinutesMin, VisitLimits.MinutesMax);
            if (StartedAt is not null || EndedAt is not null)
            {
                errors.Add("minutesOnSite", "Give the time on site as minutesOnSite or as startedAt and endedAt, not both.");
            }
        }
        else if (StartedAt is null && EndedAt is null)
        {
            errors.Add("minutesOnSite", "A visit needs its time on site: minutesOnSite, or startedAt and endedAt.");
        }
        else
        {
            errors.RequiredValue("startedAt", StartedAt);
            errors.RequiredValue("endedAt", EndedAt);
        }
        // Order, length and the clock are the case's rules (VisitRules): it answers them at startedAt / endedAt.
        return errors.HasErrors
            ? null
            : new RecordVisitRequest(technicianId, workDone!, parts.ToImmutable(), MinutesOnSite, StartedAt, EndedAt, outcome!.Value, actor);
    }
}

/// <summary>A part a visit used.</summary>
/// <param name="PartNumber">The manufacturer's part number (letters, digits, <c>.</c>, <c>_</c>, <c>-</c>; max 64).</param>
/// <param name="Quantity">How many, 1 to 10000.</param>
public sealed record PartRequest(
    [property: Required, StringLength(Limits.Identifier, MinimumLength = 1), RegularExpression(Limits.IdentifierPattern), Example("\"PS-40-SEAL\"")] string PartNumber,
    [property: Required, Range(VisitLimits.QuantityMin, VisitLimits.QuantityMax), Example("2")] int? Quantity);
