using AfterSales.Domain;
using AfterSales.Persistence;

namespace AfterSales.Devices;

/// <summary>How a device event is kept in the journal: the common columns plus <see cref="StatusChangeData"/>.</summary>
internal static class DeviceEventData
{
    public static JournalEvent ToJournal(DeviceEvent e) =>
        new(e.EventId, e.Sequence, e.At, e.Actor, e.Kind, StatusChangeData.Serialize(NameOf(e.From), NameOf(e.To), e.Details));

    public static DeviceEvent ToDeviceEvent(JournalEvent e)
    {
        var payload = StatusChangeData.Deserialize(e.Data);
        return new DeviceEvent(e.EventId, checked((int)e.Sequence), e.At, e.Actor, e.Kind, StatusOf(payload.From), StatusOf(payload.To), payload.Details);
    }

    private static string? NameOf(DeviceStatus? status) => status is { } s ? CamelNames.Of(s) : null;

    private static DeviceStatus? StatusOf(string? name) => name is null ? null : Enum.Parse<DeviceStatus>(name, ignoreCase: true);
}
