namespace AfterSales.Tests.Storage.Probes;

/// <summary>A small grain that stores a value and registers reminders, to observe storage through Orleans.</summary>
[Alias("AfterSales.Tests.Storage.IProbeGrain")]
public interface IProbeGrain : IGrainWithStringKey
{
    [Alias("Set")] Task SetAsync(string value);
    [Alias("Get")] Task<string> GetAsync();
    [Alias("RegisterReminder")] Task RegisterReminderAsync(string name);
    [Alias("GetReminderNames")] Task<string[]> GetReminderNamesAsync();
    [Alias("WhereAmI")] Task<string> WhereAmIAsync();
}
