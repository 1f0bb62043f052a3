using System.Collections.Immutable;
using AfterSales.Access;
using AfterSales.Common;

namespace AfterSales.Customers;

/// <summary>A customer of the manufacturer (key: customer id such as <c>C-10042</c>).</summary>
[Alias("AfterSales.ICustomerGrain")]
public interface ICustomerGrain : IGrainWithStringKey
{
    /// <summary>Creates the customer and indexes its phones. A repeat with the same request hash is a replay;
    /// any other create of an existing id is a conflict.</summary>
    [Alias("Register")]
    Task<Result<CustomerSnapshot>> RegisterAsync(RegisterCustomerRequest request);

    /// <summary>The customer, or null when it was never registered.</summary>
    [Alias("Get"), ReadOnly]
    Task<CustomerSnapshot?> GetAsync();

    /// <summary>The customer as <paramref name="caller"/> may see it, or null when it was never registered or the caller
    /// may not see it (one answer for both). The grain checks the scope itself, whatever the API checked before.</summary>
    [Alias("GetFor"), ReadOnly]
    Task<CustomerSnapshot?> GetForAsync(CallerScope caller);

    /// <summary>The recent cases as <paramref name="caller"/> may see them, or null when the customer was never
    /// registered or the caller may not see it.</summary>
    [Alias("GetRecentCasesFor"), ReadOnly]
    Task<ImmutableArray<CaseSummary>?> GetRecentCasesForAsync(CallerScope caller);

    /// <summary>The bounded list of the customer's most recent cases, newest first.</summary>
    [Alias("GetRecentCases"), ReadOnly]
    Task<ImmutableArray<CaseSummary>> GetRecentCasesAsync();

    /// <summary>Records that the customer owns a device (idempotent).</summary>
    [Alias("AddDevice")]
    Task AddDeviceAsync(string serial);

    /// <summary>Records that the customer owns these devices, in one write (idempotent; a fleet import's path).</summary>
    [Alias("AddDevices")]
    Task AddDevicesAsync(ImmutableArray<string> serials);

    /// <summary>Adds or refreshes a case in the recent-case list (idempotent by case number).</summary>
    [Alias("RecordCase")]
    Task RecordCaseAsync(CaseSummary summary);

    /// <summary>The same as <see cref="RecordCaseAsync"/>, one-way: for a change no client waits for (a department
    /// handing a queued case to a technician), so the sender does not wait for the customer's write.</summary>
    [Alias("NoteCase"), OneWay]
    Task NoteCaseAsync(CaseSummary summary);

    /// <summary>Removes a case from the recent-case list (idempotent): the undo of a summary written beside a case
    /// whose own write then failed.</summary>
    [Alias("ForgetCase")]
    Task ForgetCaseAsync(string number);
}
