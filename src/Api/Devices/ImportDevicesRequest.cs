using System.ComponentModel.DataAnnotations;
using AfterSales.Devices;

namespace AfterSales.Api.Devices;

/// <summary>A fleet of devices to register in one request, as a manufacturer's ERP exports them.</summary>
/// <param name="Devices">1 to 1,000 registrations, each with the fields of <c>POST /api/devices</c>; serials unique in
/// the batch. Sorted by installation day, the plans' first occurrences of a batch share the scheduler's writes.</param>
public sealed record ImportDevicesRequest(
    [property: Required, MinLength(1), MaxLength(DeviceImportLimits.BatchRows)] IReadOnlyList<CreateDeviceRequest?>? Devices);

/// <summary>What each row of a fleet import did.</summary>
/// <param name="Devices">Rows received.</param>
/// <param name="Created">Devices registered by this request.</param>
/// <param name="Unchanged">Rows whose identical registration was stored before (a resent batch).</param>
/// <param name="Results">One per row, in the order sent.</param>
public sealed record ImportDevicesResponse(int Devices, int Created, int Unchanged, ImportedDevice[] Results);

/// <summary>One row's outcome.</summary>
/// <param name="Serial">The row's serial number.</param>
/// <param name="Outcome"><c>created</c>, <c>unchanged</c>, or (in a 409 answer) <c>refused</c> — the row's serial is
/// registered otherwise, named in <c>errors</c> — or (in a 404 answer) <c>skipped</c>, not tried.</param>
public sealed record ImportedDevice(string Serial, DeviceImportStatus Outcome);

/// <summary>Limits of the fleet import.</summary>
internal static class DeviceImportLimits
{
    /// <summary>Most rows a batch carries: about 1 s of work for the silo on 2 cores, well inside the grain call timeout.</summary>
    public const int BatchRows = 1000;

    /// <summary>Largest batch body: 1,000 rows whose site is at its 500-character limit in Chinese, as a client that
    /// escapes non-ASCII text sends it (6 bytes a character, ~3.4 KB a row), with room to spare.</summary>
    public const long BatchBodyBytes = 4 * 1024 * 1024;
}
