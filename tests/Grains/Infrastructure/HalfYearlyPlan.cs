using System.Globalization;
using AfterSales.Hosting;
using AfterSales.Maintenance;
using AfterSales.Maintenance.Scheduling;
using AfterSales.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AfterSales.Tests.Grains.Infrastructure;

/// <summary>A model whose one plan falls due every six months (generated 14 days ahead), a device's occurrence of it, and
/// the scheduler's bucket that holds the occurrence.</summary>
internal static class HalfYearlyPlan
{
    public static readonly MaintenancePlanTemplate Plan =
        new("half-yearly", "Half-yearly service", 0, ["Clean the filter"], 60) { IntervalMonths = 6, LeadDays = 14, WindowDays = 7 };

    /// <summary>Defines a new model with the plan (refreshed in the silos' caches) and returns its code.</summary>
    public static async Task<string> ModelAsync(ClusterFixture fixture)
    {
        var code = Scenario.NewId("M");
        var defined = await fixture.Grains.GetGrain<IProductModelGrain>(code).DefineAsync(new DefineProductModelRequest(
            $"Model {code}", [], [], [], [Plan], [], 24, "catalogue-admin"));
        Assert.True(defined.IsSuccess, defined.Error?.Message);
        await fixture.RefreshModelAsync(code);
        return code;
    }

    /// <summary>The first occurrence of a device in service since <paramref name="inService"/>.</summary>
    public static MaintenanceDue Occurrence(string serial, DateOnly inService)
    {
        var due = inService.AddMonths(Plan.IntervalMonths);
        return new MaintenanceDue(serial, Plan.Id, due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), At(due), At(due.AddDays(-Plan.LeadDays)));
    }

    /// <summary>The bucket that holds <paramref name="due"/>, by the silo's scheduler options.</summary>
    public static IMaintenanceBucketGrain BucketOf(ClusterFixture fixture, MaintenanceDue due)
    {
        var options = fixture.Cluster.Silos[0].SiloHost.Services.GetRequiredService<IOptions<MaintenanceSchedulerOptions>>().Value;
        return fixture.Grains.GetGrain<IMaintenanceBucketGrain>(MaintenanceBuckets.KeyOf(due, options.SlotLength, options.Shards));
    }

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
