using AfterSales.Devices;

namespace AfterSales.Domain.Devices;

/// <summary>
/// When a device's warranty runs. It starts at commissioning acceptance, or at the ship date plus the start grace,
/// whichever comes first (acceptance wins a tie), and lasts the model's warranty months: it ends the day before the
/// same day of the month that many months on — or on the last day of that month when it has no such day (31 January
/// + 1 month ends on 28 or 29 February). A device registered with an explicit warranty end keeps it.
/// </summary>
internal static class WarrantyRule
{
    public const string Acceptance = "acceptance";
    public const string Shipment = "shipment";
    public const string Registration = "registration";

    /// <param name="explicitEnd">The warranty end given at registration, if any: it wins.</param>
    /// <param name="acceptedOn">The day commissioning was accepted (or the installation day a device was registered with).</param>
    /// <param name="shippedOn">The ship date, if known.</param>
    /// <param name="registeredOn">The day of registration: where an explicit warranty starts when nothing earlier is known.</param>
    /// <param name="months">The model's warranty length; 0 means no warranty (unless an explicit end is given).</param>
    /// <param name="graceDays">Days after shipping at which the warranty starts at the latest.</param>
    /// <returns>The warranty, also when it starts in the future; null when it cannot start yet (neither accepted nor
    /// shipped) or lasts no time.</returns>
    public static WarrantyTerm? Of(DateOnly? explicitEnd, DateOnly? acceptedOn, DateOnly? shippedOn, DateOnly registeredOn, int months, int graceDays)
    {
        if (explicitEnd is { } end)
        {
            var from = acceptedOn ?? shippedOn ?? registeredOn;
            return new WarrantyTerm(from <= end ? from : end, end, Registration);
        }
        var graceStart = shippedOn?.AddDays(graceDays);
        DateOnly start;
        string basis;
        if (acceptedOn is { } accepted && (graceStart is not { } grace || accepted <= grace))
        {
            (start, basis) = (accepted, Acceptance);
        }
        else if (graceStart is { } byShipment)
        {
            (start, basis) = (byShipment, Shipment);
        }
        else
        {
            return null;
        }
        return months <= 0 ? null : new WarrantyTerm(start, LastDay(start, months), basis);
    }

    /// <summary>The last day of a warranty of <paramref name="months"/> months starting on <paramref name="start"/>.</summary>
    public static DateOnly LastDay(DateOnly start, int months)
    {
        var anniversary = start.AddMonths(months);
        // AddMonths clamps to the month's last day; then the warranty covers that whole month.
        return anniversary.Day == start.Day ? anniversary.AddDays(-1) : anniversary;
    }
}
