using Microsoft.Extensions.Options;

namespace AfterSales.Hosting;

/// <summary>Refuses to start with equipment settings the grains cannot work with.</summary>
public sealed class EquipmentOptionsValidator : IValidateOptions<EquipmentOptions>
{
    public ValidateOptionsResult Validate(string? name, EquipmentOptions options)
    {
        var failures = new List<string>();
        if (options.WarrantyStartGrace < TimeSpan.Zero || options.WarrantyStartGrace > TimeSpan.FromDays(730)
            || options.WarrantyStartGrace.Ticks % TimeSpan.TicksPerDay != 0)
        {
            failures.Add("AfterSales:Equipment:WarrantyStartGrace must be whole days from 0 to 730 (e.g. 90.00:00:00).");
        }
        if (options.ModelRefreshInterval < TimeSpan.FromSeconds(1) || options.ModelRefreshInterval > TimeSpan.FromMinutes(10))
        {
            failures.Add("AfterSales:Equipment:ModelRefreshInterval must be between 1 second and 10 minutes.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
