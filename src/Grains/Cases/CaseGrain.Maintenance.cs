using System.Globalization;
using AfterSales.Common;
using AfterSales.Domain;
using AfterSales.Maintenance;

namespace AfterSales.Cases;

/// <summary>The maintenance side of a case: a work order opened by a device's plan or condition rule records what it is
/// for (source, period, trigger, evidence, due window).</summary>
internal sealed partial class CaseGrain
{
    private const int MaxEvidenceLength = FieldLimits.Description;

    private static CommandError? ValidateMaintenance(OpenCaseRequest request)
    {
        if (request.Maintenance is not { } order)
        {
            return null;
        }
        if (request.Type != CaseType.Maintenance || request.DeviceSerial is null)
        {
            return CommandError.Invalid("maintenance", "Only a maintenance case about a device is a plan's work order.");
        }
        if (string.IsNullOrWhiteSpace(order.SourceId) || order.SourceId.Length > FieldLimits.Identifier)
        {
            return CommandError.Invalid("maintenance.sourceId", "A work order names its plan or rule.");
        }
        if (string.IsNullOrWhiteSpace(order.Period) || order.Period.Length > FieldLimits.Identifier * 2)
        {
            return CommandError.Invalid("maintenance.period", "A work order names its period.");
        }
        if (!Enum.IsDefined(order.Trigger))
        {
            return CommandError.Invalid("maintenance.trigger", $"Trigger must be {CamelNames.OneOf<MaintenanceTriggerKind>()}.");
        }
        if (order.Window is null || order.Window.End < order.Window.DueAt)
        {
            return CommandError.Invalid("maintenance.window", "A due window ends at or after its due time.");
        }
        return order.Evidence is null || order.Evidence.Length > MaxEvidenceLength
            ? CommandError.Invalid("maintenance.evidence", $"Evidence has at most {MaxEvidenceLength} characters.")
            : null;
    }

    /// <summary>Takes the work order's purpose (after the case's <c>opened</c> event).</summary>
    private void OpenMaintenance(OpenCaseRequest request, DateTimeOffset now, string actor)
    {
        if (request.Maintenance is not { } order)
        {
            return;
        }
        S.Maintenance = order;
        Record(now, actor, CaseEventKinds.MaintenanceDue, null, null, string.Create(CultureInfo.InvariantCulture,
            $"{CamelNames.Of(order.Trigger)} {order.SourceId} {order.Period}: due {order.Window.DueAt.UtcDateTime:yyyy-MM-dd HH:mm}Z, on time until {order.Window.End.UtcDateTime:yyyy-MM-dd HH:mm}Z; {order.Evidence}"));
    }
}
