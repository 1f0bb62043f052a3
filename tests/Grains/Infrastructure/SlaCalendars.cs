using AfterSales.Sla;

namespace AfterSales.Tests.Grains.Infrastructure;

/// <summary>Business calendars for SLA tests.</summary>
internal static class SlaCalendars
{
    /// <summary>Gives <paramref name="region"/> a calendar that works around the clock in UTC, so business time equals
    /// calendar time wherever the shared clock stands.</summary>
    public static async Task AroundTheClockAsync(ClusterFixture fixture, string region)
    {
        WeeklyHours[] week = [new([.. Enum.GetValues<DayOfWeek>()], new WorkingHours(0, 24 * 60))];
        var result = await fixture.Grains.GetGrain<IBusinessCalendarGrain>(region)
            .ReplaceAsync(new ReplaceBusinessCalendarRequest(new BusinessCalendarDefinition("UTC", [.. week], [])));
        Assert.True(result.IsSuccess, result.Error?.Message);
    }
}
