using AfterSales.Common;
using AfterSales.Domain;
using AfterSales.Domain.Sla;
using AfterSales.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AfterSales.Sla;

/// <summary>
/// The business calendar of one region (key: the region). Until a calendar is set the region has the default one
/// (<see cref="BusinessCalendars.Default"/> in the region's configured time zone), which is not stored. It never calls
/// another grain, so any grain may await it.
/// </summary>
internal sealed class BusinessCalendarGrain(
    [PersistentState("businessCalendar", StorageNames.Main)] IPersistentState<BusinessCalendarState> state,
    IOptions<AfterSalesOptions> options,
    BusinessCalendarCache cache,
    TimeProvider time,
    ILogger<BusinessCalendarGrain> logger) : Grain, IBusinessCalendarGrain
{
    private string Region => this.GetPrimaryKeyString();

    public Task<BusinessCalendarSnapshot> GetAsync() => Task.FromResult(Snapshot());

    public Task<Result<BusinessCalendarSnapshot>> ReplaceAsync(ReplaceBusinessCalendarRequest request) =>
        ChangeAsync(request.ExpectedVersion, request.Definition, BusinessCalendars.Validate(request.Definition), "replaced");

    public Task<Result<BusinessCalendarSnapshot>> ImportHolidaysAsync(ImportHolidaysRequest request)
    {
        if (request.Calendar is null || request.Calendar.Length > SlaLimits.MaxCalendarFileLength)
        {
            return Task.FromResult<Result<BusinessCalendarSnapshot>>(CommandError.Invalid("calendar",
                $"An iCalendar file has 1 to {SlaLimits.MaxCalendarFileLength} characters."));
        }
        var (holidays, error, malformed) = HolidayImport.Read(request.Calendar, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        if (error is not null)
        {
            return Task.FromResult<Result<BusinessCalendarSnapshot>>(
                malformed ? CommandError.Invalid("calendar", error) : CommandError.Unprocessable("calendar", error));
        }
        return ChangeAsync(request.ExpectedVersion, Snapshot().Definition with { Holidays = holidays },
            BusinessCalendars.ValidateHolidays(holidays, "holidays"), $"{holidays.Length} holidays imported");
    }

    private async Task<Result<BusinessCalendarSnapshot>> ChangeAsync(int? expectedVersion, BusinessCalendarDefinition candidate,
        IEnumerable<FieldError> errors, string change)
    {
        if (!options.Value.Regions.Contains(Region))
        {
            return CommandError.NotFound($"Region '{Region}' is not configured.", "region");
        }
        if (expectedVersion is { } expected && expected != state.State.Version)
        {
            return CommandError.StaleVersion(expected, state.State.Version);
        }
        if (errors.FirstOrDefault() is { } invalid)
        {
            return CommandError.Invalid(invalid.Field, invalid.Message);
        }
        state.State.Definition = candidate with { Holidays = [.. candidate.Holidays.OrderBy(h => h.Date)] };
        state.State.Version++;
        state.State.UpdatedAt = time.GetUtcNow();
        await state.WriteOrResetAsync(this);
        var snapshot = Snapshot();
        cache.Observe(Region, CachedCalendar.Of(snapshot));
        logger.CalendarChanged(Region, snapshot.Version, change);
        return Result.Ok(snapshot);
    }

    private BusinessCalendarSnapshot Snapshot() =>
        new(Region, state.State.Definition ?? BusinessCalendars.Default(DefaultZone()), state.State.Version, state.State.UpdatedAt);

    /// <summary>The region's configured time zone when the time-zone database knows it; UTC otherwise.</summary>
    private string DefaultZone() =>
        options.Value.RegionTimeZones.TryGetValue(Region, out var zone) && BusinessCalendars.IsKnownZone(zone) ? zone : "UTC";
}
