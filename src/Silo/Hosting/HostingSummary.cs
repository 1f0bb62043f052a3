namespace AfterSales.Silo.Hosting;

/// <summary>What <see cref="OrleansHostingExtensions.AddAfterSalesOrleans"/> chose, for the start-up log and for
/// health reporting. No secrets: connection strings are never part of it.</summary>
public sealed record HostingSummary(HostingMode Mode, string ClusterId, string ServiceId, string Storage, string Reminders);
