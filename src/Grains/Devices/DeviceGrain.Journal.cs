using AfterSales.Persistence;

namespace AfterSales.Devices;

/// <summary>The device's journal: every change of its life is an event, appended with the device's write and never
/// cut; history reads page through it.</summary>
internal sealed partial class DeviceGrain
{
    public async Task<DeviceHistoryPage?> GetHistoryAsync(int afterSequence, int limit)
    {
        if (!S.Registered)
        {
            return null;
        }
        var stored = await events.ReadStreamAsync(DeviceState.StreamType, Serial, Math.Max(0, afterSequence), Math.Clamp(limit, 1, MaxHistoryPage));
        return new DeviceHistoryPage([.. stored.Select(e => DeviceEventData.ToDeviceEvent(e.Event))], S.LastEventSequence);
    }

    private void Record(DateTimeOffset now, string actor, string kind, DeviceStatus? from, DeviceStatus? to, string? details)
    {
        var recorded = new DeviceEvent(Guid.CreateVersion7(now), ++S.LastEventSequence, now, actor, kind, from, to, details);
        S.Events.Append(DeviceEventData.ToJournal(recorded));
        if (from is { } f && to is { } t && f != t)
        {
            logger.DeviceChanged(Serial, kind, f, t);
        }
    }

    /// <summary>Moves the device to <paramref name="to"/> and records why (the event names both ends even when the
    /// status stays, so the history says what was checked).</summary>
    private void Move(DateTimeOffset now, string actor, string kind, DeviceStatus to, string? details)
    {
        var from = S.Status;
        S.Status = to;
        Record(now, actor, kind, from, to, details);
    }
}
