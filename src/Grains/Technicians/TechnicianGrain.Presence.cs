using System.Collections.Immutable;
using AfterSales.Common;
using AfterSales.Departments;
using AfterSales.Domain.Routing;

namespace AfterSales.Technicians;

/// <summary>Presence: on shift, away or off shift, set by hand or by a weekly shift pattern in the region's time zone
/// (a one-minute reminder applies the pattern from persisted state; a manual change holds until the next boundary).
/// Going off shift returns the cases not yet started to the department.</summary>
internal sealed partial class TechnicianGrain
{
    public Task<Result<TechnicianSnapshot>> SetShiftAsync(bool onShift) =>
        SetPresenceAsync(new SetPresenceRequest(onShift ? Presence.OnShift : Presence.OffShift));

    public async Task<Result<TechnicianSnapshot>> SetPresenceAsync(SetPresenceRequest request)
    {
        if (Precheck(request.ExpectedVersion) is { } refused)
        {
            return refused;
        }
        if (!Enum.IsDefined(request.Presence))
        {
            return CommandError.Invalid("presence", "Presence must be onShift, away or offShift.");
        }
        if (S.ShiftPattern.Count > 0)
        {
            // A manual change wins over the pattern until the pattern's next boundary.
            S.PresenceHeldUntil = ShiftSchedule.NextBoundary(S.ShiftPattern, Zone, time.GetUtcNow());
        }
        if (S.Presence == request.Presence)
        {
            if (S.ShiftPattern.Count > 0)
            {
                S.Version++;
                await state.WriteOrResetAsync(this);
            }
            return Result.Ok(ToSnapshot());
        }
        await ChangePresenceAsync(request.Presence, "set by hand");
        return Result.Ok(ToSnapshot());
    }

    public async Task<Result<TechnicianSnapshot>> SetShiftPatternAsync(SetShiftPatternRequest request)
    {
        if (Precheck(request.ExpectedVersion) is { } refused)
        {
            return refused;
        }
        if (ShiftSchedule.Validate(request.Windows).FirstOrDefault() is { Field: not null } invalid)
        {
            return CommandError.Invalid(invalid.Field, invalid.Message);
        }
        var windows = request.Windows.IsDefault ? [] : request.Windows;
        // The reminder first: if the write then fails, a reminder without a pattern unregisters itself.
        if (windows.Length > 0)
        {
            await this.RegisterOrUpdateReminder(ShiftReminder, ReminderPeriod, ReminderPeriod);
        }
        S.ShiftPattern = [.. windows];
        S.PresenceHeldUntil = null;
        S.Version++;
        await state.WriteOrResetAsync(this);
        if (windows.Length == 0)
        {
            await UnregisterShiftReminderAsync();
            return Result.Ok(ToSnapshot());
        }
        await ApplyPatternAsync();
        return Result.Ok(ToSnapshot());
    }

    public async Task<Result<TechnicianSnapshot>> ReconcilePresenceAsync()
    {
        if (Precheck(null) is { } refused)
        {
            return refused;
        }
        await ApplyPatternAsync();
        return Result.Ok(ToSnapshot());
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ShiftReminder)
        {
            return;
        }
        if (!S.Registered || S.ShiftPattern.Count == 0)
        {
            await UnregisterShiftReminderAsync();
            return;
        }
        await ApplyPatternAsync();
    }

    /// <summary>Sets presence from the pattern unless a manual change still holds; idempotent.</summary>
    private async Task ApplyPatternAsync()
    {
        if (S.ShiftPattern.Count == 0)
        {
            return;
        }
        var now = time.GetUtcNow();
        var holdEnded = false;
        if (S.PresenceHeldUntil is { } heldUntil)
        {
            if (now < heldUntil)
            {
                return;
            }
            S.PresenceHeldUntil = null;
            holdEnded = true;
        }
        var wanted = ShiftSchedule.IsOnShift(S.ShiftPattern, Zone, now) ? Presence.OnShift : Presence.OffShift;
        if (wanted != S.Presence)
        {
            await ChangePresenceAsync(wanted, "shift pattern");
        }
        else if (holdEnded)
        {
            S.Version++;
            await state.WriteOrResetAsync(this);
        }
    }

    /// <summary>Persists a presence change, then tells the department: with the returned cases when going off shift.</summary>
    private async Task ChangePresenceAsync(Presence presence, string why)
    {
        List<string> returned = [];
        if (presence == Presence.OffShift)
        {
            foreach (var assignment in S.Assignments.Values.Where(a => a.StartedAt is null).OrderBy(a => a.AssignedAt).ToList())
            {
                S.Assignments.Remove(assignment.CaseNumber);
                returned.Add(assignment.CaseNumber);
            }
            WorkChanged();
        }
        S.OnShift = presence != Presence.OffShift;
        S.Away = presence == Presence.Away;
        S.Sequence++;
        RememberReturned(returned);
        S.Version++;
        await state.WriteOrResetAsync(this);
        logger.PresenceChanged(Id, presence, why, returned.Count);
        if (returned.Count > 0)
        {
            // One-way, carrying the new status: the department queues the cases again and routes them.
            _pushedSequence = S.Sequence;
            // Each case goes back to its own home shard; the technician's shard always hears the new status.
            var status = Status();
            var byShard = returned.GroupBy(number => shards.HomeOf(S.Department, S.Region, number), StringComparer.Ordinal)
                .ToDictionary(group => group.Key, group => group.ToImmutableArray(), StringComparer.Ordinal);
            await Department().CasesReturnedAsync(status, byShard.Remove(DepartmentKey, out var own) ? own : []);
            foreach (var (key, numbers) in byShard)
            {
                await GrainFactory.GetGrain<IDepartmentGrain>(key).CasesReturnedAsync(status, numbers);
            }
            return;
        }
        SchedulePush();
    }

    private async Task UnregisterShiftReminderAsync()
    {
        if (await this.GetReminder(ShiftReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private TimeZoneInfo Zone => calendars.For(S.Region).Zone;
}
