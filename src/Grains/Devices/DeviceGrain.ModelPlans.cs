using System.Globalization;
using System.Text;
using AfterSales.Domain.Calendars;
using AfterSales.Domain.Models;
using AfterSales.Maintenance;
using AfterSales.Models;

namespace AfterSales.Devices;

/// <summary>The device follows its model's maintenance plans: it is recorded in the model's device index (a shard of
/// <see cref="IModelDevicesGrain"/>) while registered, and when the model's plans change
/// (<see cref="ProductModel.PlansVersion"/>) it recomputes the plans it inherits. The rollout tells it
/// (<see cref="OnModelPlansChangedAsync"/>); as a backstop it compares the model's plans version on activation, before
/// a due occurrence opens a work order, and before it answers its maintenance.</summary>
internal sealed partial class DeviceGrain
{
    /// <summary>The calendar the device's maintenance days are read in: its owner's region's.</summary>
    private RegionCalendar Calendar => calendars.For(S.Region);

    private IModelDevicesGrain ModelIndex => GrainFactory.GetGrain<IModelDevicesGrain>(ModelDeviceShards.KeyOf(S.Model, Serial));

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!S.Registered || S.Status == DeviceStatus.Decommissioned)
        {
            return;
        }
        if (S.Region is null)
        {
            // Registered before devices kept their region: read it once (written with the next change).
            await ReadRegionAsync();
        }
        if (!S.InModelIndex || await ModelIsAheadAsync())
        {
            // Outside activation, so the index and the scheduler never hold this activation up.
            this.RegisterGrainTimer(_ => FollowModelSafelyAsync(), new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        }
    }

    /// <summary>True when the model's plans are newer than those the schedule follows, or the model cannot be read now
    /// (the follow-up turn tries again, so an unreachable model never fails the activation).</summary>
    private async Task<bool> ModelIsAheadAsync()
    {
        try
        {
            return (await models.GetAsync(S.Model))?.PlansVersion > S.ModelPlansVersion;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return true;
        }
    }

    public async Task OnModelPlansChangedAsync(int plansVersion)
    {
        if (S.Registered && plansVersion > S.ModelPlansVersion)
        {
            await FollowModelAsync(plansVersion);
        }
    }

    /// <summary>Joins the model's index if it is not in it yet and, when the model's plans are newer than those the
    /// schedule follows (at least <paramref name="told"/>), recomputes the inherited plans: added ones are scheduled,
    /// changed ones rescheduled from their anchor, removed ones' occurrences taken back. Writes only when the schedule
    /// changed.</summary>
    private async Task FollowModelAsync(int told = 0)
    {
        if (!S.Registered || S.Status == DeviceStatus.Decommissioned)
        {
            return;
        }
        if (!S.InModelIndex)
        {
            told = Math.Max(told, await JoinModelIndexAsync());
        }
        var model = await CurrentModelAsync(told);
        if (model is null || model.PlansVersion <= S.ModelPlansVersion)
        {
            return;
        }
        if (!TakesMaintenance)
        {
            // Nothing is scheduled: entering service plans with the model as it is then.
            S.ModelPlansVersion = model.PlansVersion;
            return;
        }
        var now = time.GetUtcNow();
        var handOver = PlanAhead(model, now);
        if (handOver.Count == 0)
        {
            return;
        }
        Record(now, MaintenanceActor, DeviceEventKinds.MaintenancePlanChanged, null, null,
            string.Create(CultureInfo.InvariantCulture, $"model {S.Model} plans version {model.PlansVersion}: {Describe(handOver)}"));
        await CommitAsync();
        logger.FollowedModelPlans(Serial, S.Model, model.PlansVersion, handOver.Count);
        await HandOverAsync(handOver);
    }

    private async Task FollowModelSafelyAsync()
    {
        try
        {
            await FollowModelAsync();
        }
        catch (Exception exception)
        {
            logger.FollowFailed(exception, Serial);
        }
    }

    /// <summary>The device's model, never older than the plans version the device already follows or was told of (this
    /// silo's copy may lag a change made on another silo).</summary>
    private async Task<ProductModel?> CurrentModelAsync(int told = 0)
    {
        var model = await models.GetAsync(S.Model);
        if (model is not null && model.PlansVersion < Math.Max(told, S.ModelPlansVersion))
        {
            model = await models.RefreshAsync(S.Model) ?? model;
        }
        return model;
    }

    /// <summary>Records the device in its model's index; answers the plans version the index was last told (0 when the
    /// index could not be reached: the device tries again when it next follows its model).</summary>
    private async Task<int> JoinModelIndexAsync()
    {
        try
        {
            var told = await ModelIndex.AddAsync(Serial);
            S.InModelIndex = true;
            return told;
        }
        catch (Exception exception)
        {
            logger.IndexJoinFailed(exception, Serial);
            return 0;
        }
    }

    private async Task LeaveModelIndexAsync()
    {
        try
        {
            await ModelIndex.RemoveAsync(Serial);
            S.InModelIndex = false;
        }
        catch (Exception exception)
        {
            logger.IndexLeaveFailed(exception, Serial);
        }
    }

    private async Task ReadRegionAsync()
    {
        try
        {
            S.Region = (await Owner(S.CustomerId).GetAsync())?.Region;
        }
        catch (Exception exception)
        {
            logger.RegionUnknown(exception, Serial);
        }
    }

    /// <summary>What a change of the plans did to the schedule, e.g. <c>annual next 2027-03-01 (was 2027-06-01), monthly
    /// 2027-01-01 taken back</c>.</summary>
    private static string Describe(List<(MaintenanceDue? Old, MaintenanceDue? New)> changes)
    {
        var text = new StringBuilder();
        foreach (var (old, next) in changes)
        {
            if (text.Length > 0)
            {
                text.Append(", ");
            }
            text.Append(next is not null
                ? $"{next.PlanId} next {next.Period}" + (old is not null && old.Period != next.Period ? $" (was {old.Period})" : "")
                : $"{old!.PlanId} {old.Period} taken back");
        }
        return text.ToString();
    }
}
