using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Devices;
using AfterSales.Domain.Installation;
using AfterSales.Installation;
using Microsoft.Extensions.Logging;

namespace AfterSales.Commissioning;

/// <summary>What follows a stored report: the device is marked installed and its commissioning recorded (in service
/// with its baseline on a pass; left installed on a fail), a failure opens a fault case for technical support linked
/// both ways with the work order, and the work order is resolved with a summary. Each step is idempotent.</summary>
internal sealed partial class CommissioningGrain
{
    private const string FollowUpReminder = "commissioning-follow-up";

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != FollowUpReminder)
        {
            return;
        }
        if (!S.Submitted || S.Completed)
        {
            // Done, or the report was never stored (its write failed after the reminder was registered).
            await this.DropAsync(FollowUpReminder);
            return;
        }
        try
        {
            await CompleteAsync();
        }
        catch (Exception exception)
        {
            logger.CompletionFailed(exception, Number);
        }
    }

    /// <summary>Runs every step again (each is idempotent) and stores <see cref="CommissioningState.Completed"/>. A
    /// refusal of a step is logged and not retried (it will not change by itself); an exception leaves the report
    /// incomplete for the next retry.</summary>
    private async Task CompleteAsync()
    {
        if (!S.Submitted || S.Completed)
        {
            return;
        }
        var report = ToReport();
        var device = GrainFactory.GetGrain<IDeviceGrain>(S.DeviceSerial);
        Refused("marking the device installed", await device.MarkInstalledAsync(Number, S.SubmittedAt, S.SubmittedBy));
        var passed = S.Outcome == CommissioningVerdict.Pass;
        Refused("recording the commissioning on the device", await device.CommissionAsync(
            new CommissioningOutcome(Number, passed, S.SubmittedAt, S.TechnicianId, passed ? Baseline() : [], S.SubmittedBy)));
        if (S.FaultCaseNumber is { } faultCase)
        {
            Refused("opening the fault case", await GrainFactory.GetGrain<ICaseGrain>(faultCase).OpenAsync(FaultCase(report)));
            Refused("linking the fault case", await GrainFactory.GetGrain<ICaseGrain>(Number).RelateAsync(
                new RelateCaseRequest(new RelatedCase(faultCase, CaseRelations.CommissioningFault), S.SubmittedBy)));
        }
        await ResolveWorkOrderAsync(CommissioningTexts.Resolution(report));

        S.Completed = true;
        await state.WriteOrResetAsync(this);
        logger.Completed(Number);
        await this.DropAsync(FollowUpReminder);
    }

    private OpenCaseRequest FaultCase(CommissioningReport report) =>
        new(S.CustomerId, CaseType.Fault, CasePriority.High, CaseChannel.System, CommissioningTexts.FaultSubject(report),
            CommissioningTexts.FaultDescription(report), S.DeviceSerial, S.SubmittedBy)
        {
            RelatedCases = [new RelatedCase(Number, CaseRelations.InstallationWorkOrder)],
            // The replay token: a retry of this step finds the case opened by the first attempt.
            RequestHash = $"commissioning:{Number}",
        };

    /// <summary>Starts the work order if it was only assigned, then resolves it; a work order already resolved, closed
    /// or cancelled is left as it is.</summary>
    private async Task ResolveWorkOrderAsync(string summary)
    {
        var workOrder = GrainFactory.GetGrain<ICaseGrain>(Number);
        if (await workOrder.GetAsync() is not { } current)
        {
            return;
        }
        if (current.Status == CaseStatus.Assigned)
        {
            if (Refused("starting the work order", await workOrder.ApplyAsync(new CaseCommand(CaseAction.Start, S.SubmittedBy))))
            {
                return;
            }
            current = (await workOrder.GetAsync())!;
        }
        if (current.Status is CaseStatus.InProgress or CaseStatus.WaitingForCustomer)
        {
            Refused("resolving the work order", await workOrder.ApplyAsync(new CaseCommand(CaseAction.Resolve, S.SubmittedBy, summary)));
        }
    }

    /// <summary>Logs a refused step; true when it was refused.</summary>
    private bool Refused<T>(string step, Result<T> result) where T : class
    {
        if (result.Error is not { } error)
        {
            return false;
        }
        logger.StepRefused(Number, step, error.Message);
        return true;
    }
}
