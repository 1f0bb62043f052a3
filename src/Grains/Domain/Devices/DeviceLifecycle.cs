using AfterSales.Cases;
using AfterSales.Devices;

namespace AfterSales.Domain.Devices;

/// <summary>
/// A device's life: <c>shipped → installed → inService ⇄ underMaintenance / faulty → decommissioned</c>. Before its
/// commissioning is accepted a device is shipped or installed whatever its cases; once in service its status follows
/// its open cases — an open fault case makes it faulty (a fault outranks a visit), an open maintenance case under
/// maintenance, none in service. Decommissioning is refused while a fault or maintenance case is open, and ends the
/// life: a decommissioned device changes no more.
/// </summary>
internal static class DeviceLifecycle
{
    /// <summary>True for the case types that hold a device's status (and keep it from being decommissioned).</summary>
    public static bool HoldsStatus(CaseType type) => type is CaseType.Fault or CaseType.Maintenance;

    /// <summary>True once commissioning was accepted and until decommissioning.</summary>
    public static bool IsInService(DeviceStatus status) =>
        status is DeviceStatus.InService or DeviceStatus.UnderMaintenance or DeviceStatus.Faulty;

    /// <summary>The status a device shows given the types of its open cases.</summary>
    public static DeviceStatus Follow(DeviceStatus current, IEnumerable<CaseType> openCases)
    {
        if (!IsInService(current))
        {
            return current;
        }
        var maintenance = false;
        foreach (var type in openCases)
        {
            if (type == CaseType.Fault)
            {
                return DeviceStatus.Faulty;
            }
            maintenance |= type == CaseType.Maintenance;
        }
        return maintenance ? DeviceStatus.UnderMaintenance : DeviceStatus.InService;
    }

    /// <summary>A work order installed the device on site: shipped → installed; later stages are left as they are.</summary>
    public static DeviceStep Install(DeviceStatus current) => current switch
    {
        DeviceStatus.Decommissioned => DeviceStep.Refused(current, "The device is decommissioned; it is not installed again."),
        DeviceStatus.Shipped => DeviceStep.To(DeviceStatus.Installed),
        _ => DeviceStep.Unchanged(current),
    };

    /// <summary>A commissioning's outcome. Accepted: the device enters service (its status then follows its open cases).
    /// Failed: it stays installed. Either is refused once a commissioning was accepted, and after decommissioning.</summary>
    public static DeviceStep Commission(DeviceStatus current, bool passed, bool accepted, IEnumerable<CaseType> openCases)
    {
        if (current == DeviceStatus.Decommissioned)
        {
            return DeviceStep.Refused(current, "The device is decommissioned; it is not commissioned again.");
        }
        if (accepted)
        {
            return DeviceStep.Refused(current, "The device's commissioning was already accepted; a second acceptance is refused.");
        }
        return passed ? DeviceStep.To(Follow(DeviceStatus.InService, openCases)) : DeviceStep.To(DeviceStatus.Installed);
    }

    /// <summary>Takes the device out of service for good, unless fault or maintenance cases about it are open.</summary>
    public static DeviceStep Decommission(DeviceStatus current, IReadOnlyCollection<string> openHoldingCases)
    {
        if (current == DeviceStatus.Decommissioned)
        {
            return DeviceStep.Refused(current, "The device is already decommissioned.");
        }
        if (openHoldingCases.Count > 0)
        {
            return DeviceStep.Refused(current,
                $"Cases about the device are still open ({string.Join(", ", openHoldingCases)}); resolve or cancel them first.");
        }
        return DeviceStep.To(DeviceStatus.Decommissioned);
    }
}

/// <summary>The outcome of a lifecycle step: the status after it, or why it is refused.</summary>
internal sealed record DeviceStep(DeviceStatus Status, string? Error)
{
    public bool IsAllowed => Error is null;

    public static DeviceStep To(DeviceStatus status) => new(status, null);

    public static DeviceStep Unchanged(DeviceStatus status) => new(status, null);

    public static DeviceStep Refused(DeviceStatus status, string error) => new(status, error);
}
