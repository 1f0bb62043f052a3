using System.Globalization;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Domain;
using AfterSales.Domain.Devices;
using AfterSales.Maintenance;

namespace AfterSales.Devices;

/// <summary>The device's life: installed by a work order, commissioned (accepted or failed), following its open
/// fault and maintenance cases, decommissioned.</summary>
internal sealed partial class DeviceGrain
{
    public async Task<Result<DeviceSnapshot>> MarkInstalledAsync(string workOrderNumber, DateTimeOffset at, string actor)
    {
        if (Precheck(null) is { } refused)
        {
            return refused;
        }
        if (string.IsNullOrWhiteSpace(workOrderNumber))
        {
            return CommandError.Invalid("workOrderNumber", "An installation names its work order.");
        }
        var step = DeviceLifecycle.Install(S.Status);
        if (!step.IsAllowed)
        {
            return CommandError.Conflict(step.Error!);
        }
        if (step.Status == S.Status)
        {
            return Result.Replay(ToSnapshot());
        }
        S.InstalledOn ??= DateOnly.FromDateTime(at.UtcDateTime);
        S.InstalledBy = workOrderNumber;
        Move(at, ActorOf(actor), DeviceEventKinds.Installed, step.Status, $"installed on site by work order {workOrderNumber}");
        await CommitAsync();
        return Result.Ok(ToSnapshot());
    }

    public async Task<Result<DeviceSnapshot>> CommissionAsync(CommissioningOutcome outcome)
    {
        if (Precheck(null) is { } refused)
        {
            return refused;
        }
        if (string.IsNullOrWhiteSpace(outcome.WorkOrderNumber))
        {
            return CommandError.Invalid("workOrderNumber", "A commissioning names its work order.");
        }
        // A repeat of the outcome already recorded (a retry after a lost answer) changes nothing.
        if ((outcome.Passed && S.CommissionedBy == outcome.WorkOrderNumber)
            || (!outcome.Passed && S.CommissionedBy is null && S.LastFailedWorkOrder == outcome.WorkOrderNumber))
        {
            return Result.Replay(ToSnapshot());
        }
        var step = DeviceLifecycle.Commission(S.Status, outcome.Passed, S.CommissionedBy is not null, S.OpenCases.Values);
        if (!step.IsAllowed)
        {
            return CommandError.Conflict(step.Error!);
        }
        var model = outcome.Passed ? await CurrentModelAsync() : null;
        List<(MaintenanceDue? Old, MaintenanceDue? New)> maintenance = [];
        var actor = ActorOf(outcome.Actor);
        var day = DateOnly.FromDateTime(outcome.At.UtcDateTime);
        S.InstalledOn ??= day;
        if (outcome.Passed)
        {
            S.AcceptedOn = day;
            S.CommissionedAt = outcome.At;
            S.CommissionedBy = outcome.WorkOrderNumber;
            S.Baseline = [.. outcome.Baseline.IsDefault ? [] : outcome.Baseline];
            var warranty = Warranty;
            var terms = warranty is null
                ? "no warranty"
                : string.Create(CultureInfo.InvariantCulture, $"warranty {warranty.Start:yyyy-MM-dd} to {warranty.End:yyyy-MM-dd} ({warranty.Basis})");
            Move(outcome.At, actor, DeviceEventKinds.Commissioned, step.Status, string.Create(CultureInfo.InvariantCulture,
                $"accepted: work order {outcome.WorkOrderNumber}, technician {outcome.TechnicianId}, {S.Baseline.Count} baseline values; {terms}"));
            maintenance = PlanAhead(model, outcome.At);
        }
        else
        {
            S.LastFailedWorkOrder = outcome.WorkOrderNumber;
            Move(outcome.At, actor, DeviceEventKinds.CommissioningFailed, step.Status,
                $"failed: work order {outcome.WorkOrderNumber}, technician {outcome.TechnicianId}");
        }
        await CommitAsync();
        await HandOverAsync(maintenance);
        return Result.Ok(ToSnapshot());
    }

    public async Task<Result<DeviceSnapshot>> DecommissionAsync(string reason, string actor, int? expectedVersion)
    {
        if (Precheck(expectedVersion) is { } refused)
        {
            return refused;
        }
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > FieldLimits.Reason)
        {
            return CommandError.Invalid("reason", $"Decommissioning needs a reason of 1 to {FieldLimits.Reason} characters.");
        }
        var holding = S.OpenCases.Where(c => DeviceLifecycle.HoldsStatus(c.Value)).Select(c => c.Key).Order(StringComparer.Ordinal).ToList();
        var step = DeviceLifecycle.Decommission(S.Status, holding);
        if (!step.IsAllowed)
        {
            return CommandError.Conflict(step.Error!);
        }
        Move(time.GetUtcNow(), ActorOf(actor), DeviceEventKinds.Decommissioned, step.Status, reason.Trim());
        var maintenance = StopMaintenance();
        await CommitAsync();
        await HandOverAsync(maintenance);
        await LeaveModelIndexAsync();
        return Result.Ok(ToSnapshot());
    }

    private CommandError? Precheck(int? expectedVersion)
    {
        if (!S.Registered)
        {
            return CommandError.NotFound($"Device {Serial} does not exist.", "serial");
        }
        return expectedVersion is { } expected && expected != S.Version ? CommandError.StaleVersion(expected, S.Version) : null;
    }
}
