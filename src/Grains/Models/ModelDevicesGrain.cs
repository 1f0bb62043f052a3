using AfterSales.Common;
using AfterSales.Devices;
using AfterSales.Domain.Models;
using AfterSales.Persistence;
using Microsoft.Extensions.Logging;

namespace AfterSales.Models;

/// <summary>
/// One shard of a model's device index (see <see cref="IModelDevicesGrain"/>), and the rollout of the model's plan
/// changes to its devices. The rollout walks the serials in ordinal order, <see cref="BatchSize"/> devices at a time,
/// one timer turn per batch, and stores the last serial told after each batch: a silo lost mid-rollout resumes after
/// that serial when the shard's reminder (registered while a rollout runs) brings it back.
/// </summary>
/// <remarks>
/// Devices await <see cref="AddAsync"/> and <see cref="RemoveAsync"/> while the rollout awaits devices, so those calls
/// (and <see cref="OnPlansChangedAsync"/>, which the model grain awaits while devices read the model) interleave with
/// the rollout's turns; every change of the state goes through one <see cref="GroupCommit{TChange}"/>, so the state never changes
/// while a write is awaited and concurrent registrations share a write. A newer plans version restarts the walk from
/// the first serial (the devices already told had an older one); a device takes a repeat or an older version as a no-op.
/// </remarks>
internal sealed class ModelDevicesGrain(
    [PersistentState("modelDevices", StorageNames.Main)] IPersistentState<ModelDevicesState> state,
    TimeProvider time,
    ILogger<ModelDevicesGrain> logger) : Grain, IModelDevicesGrain, IRemindable
{
    internal const string ReminderName = "model-plans-rollout";

    /// <summary>Devices told at once (and per stored progress step).</summary>
    internal const int BatchSize = 64;

    /// <summary>Tries per device and step; a device still failing is left to catch up by itself.</summary>
    private const int Attempts = 3;

    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private GroupCommit<Action>? _commit;
    private IGrainTimer? _timer;

    // The serials of the running walk, in ordinal order, and the version they are told of.
    private string[]? _walk;
    private int _walkVersion;

    private ModelDevicesState S => state.State;

    private string Key => this.GetPrimaryKeyString();

    private GroupCommit<Action> Commit => _commit ??= new GroupCommit<Action>(changes =>
    {
        foreach (var change in changes)
        {
            change();
        }
        return state.WriteOrResetAsync(this);
    });

    private bool Behind => S.FollowedVersion < S.PlansVersion;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        ArmIfBehind();
        return Task.CompletedTask;
    }

    public async Task<int> AddAsync(string serial)
    {
        if (!S.Devices.ContainsKey(serial))
        {
            var since = time.GetUtcNow();
            await Commit.Submit(() => S.Devices.Set(serial, new IndexedDevice(since)));
        }
        return S.PlansVersion;
    }

    public async Task RemoveAsync(string serial)
    {
        if (S.Devices.ContainsKey(serial))
        {
            await Commit.Submit(() => S.Devices.Remove(serial));
        }
    }

    public async Task OnPlansChangedAsync(int plansVersion)
    {
        if (plansVersion <= S.PlansVersion)
        {
            return;
        }
        if (S.Devices.Count > 0)
        {
            // Before the version is stored, so a stored rollout always has a reminder to resume it.
            await this.RegisterOrUpdateReminder(ReminderName, ReminderPeriod, ReminderPeriod);
        }
        await Commit.Submit(() =>
        {
            if (plansVersion <= S.PlansVersion)
            {
                return;
            }
            S.PlansVersion = plansVersion;
            S.Cursor = null;
            if (S.Devices.Count == 0)
            {
                S.FollowedVersion = plansVersion;
            }
        });
        if (Behind)
        {
            logger.RolloutStarted(Key, S.PlansVersion, S.Devices.Count);
        }
        ArmIfBehind();
    }

    public Task<PlansRollout> GetRolloutAsync() =>
        Task.FromResult(new PlansRollout(S.Devices.Count, S.PlansVersion, S.FollowedVersion, S.Cursor));

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ReminderName)
        {
            return;
        }
        if (Behind)
        {
            ArmIfBehind();
        }
        else
        {
            await DropReminderAsync();
        }
    }

    /// <summary>Tells the next batch of devices and stores how far the walk got.</summary>
    private async Task StepAsync()
    {
        var version = S.PlansVersion;
        if (!Behind)
        {
            await DropReminderAsync();
            return;
        }
        if (_walk is null || _walkVersion != version)
        {
            _walk = [.. S.Devices.Keys.Order(StringComparer.Ordinal)];
            _walkVersion = version;
        }
        var walk = _walk;
        var from = ModelDeviceShards.ResumeAt(walk, S.Cursor);
        var to = Math.Min(from + BatchSize, walk.Length);
        await TellAsync(walk[from..to].Where(S.Devices.ContainsKey).ToArray(), version);
        var finished = to >= walk.Length;
        await Commit.Submit(() =>
        {
            if (S.PlansVersion != version)
            {
                // A newer version arrived meanwhile: its walk starts over.
                return;
            }
            S.Cursor = finished ? null : walk[to - 1];
            if (finished)
            {
                S.FollowedVersion = version;
            }
        });
        if (finished && !Behind)
        {
            logger.RolloutFinished(Key, version);
            _walk = null;
            await DropReminderAsync();
        }
        ArmIfBehind();
    }

    private async Task TellAsync(string[] serials, int version)
    {
        var failed = 0;
        Exception? firstFailure = null;
        async Task TellOneAsync(string serial)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await GrainFactory.GetGrain<IDeviceGrain>(serial).OnModelPlansChangedAsync(version);
                    return;
                }
                catch (Exception exception) when (attempt >= Attempts)
                {
                    failed++;
                    firstFailure ??= exception;
                    return;
                }
                catch (Exception)
                {
                    // Unknown outcome (a timeout, a lost activation): a device takes a repeat as a no-op.
                }
            }
        }
        await Task.WhenAll(serials.Select(TellOneAsync));
        if (firstFailure is not null)
        {
            logger.DevicesMissed(firstFailure, Key, failed, version);
        }
    }

    /// <summary>Drops the reminder once nothing is left to tell; registers it again if a newer version arrived while it
    /// was being dropped.</summary>
    private async Task DropReminderAsync()
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
        if (Behind)
        {
            await this.RegisterOrUpdateReminder(ReminderName, ReminderPeriod, ReminderPeriod);
        }
    }

    private void ArmIfBehind()
    {
        if (!Behind)
        {
            return;
        }
        _timer ??= this.RegisterGrainTimer(OnTimerAsync, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        _timer.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    private async Task OnTimerAsync(CancellationToken cancellationToken)
    {
        try
        {
            await StepAsync();
        }
        catch (Exception exception)
        {
            // The progress stored so far stands; the reminder (or the next activation) resumes from there.
            logger.RolloutStepFailed(exception, Key);
        }
    }
}
