using System.Collections.Immutable;
using AfterSales.Domain.Maintenance;
using AfterSales.Common;

namespace AfterSales.Maintenance;

/// <summary>The open maintenance work orders of one region (see <see cref="IMaintenanceOrdersGrain"/>): devices add a
/// work order when it opens, replace it when its case moves to another department (or take it away when it moves to
/// another region, whose grain then adds it) and take it away when it ends, so reading the overdue list touches one
/// grain per region, never the devices. Bounded by the region's open maintenance work orders. The overdue list shows
/// its dates in the region's calendar.</summary>
internal sealed class MaintenanceOrdersGrain(
    [PersistentState("maintenanceOrders", StorageNames.Main)] IPersistentState<MaintenanceOrdersState> state,
    RegionCalendars calendars,
    TimeProvider time) : Grain, IMaintenanceOrdersGrain
{
    public async Task TrackAsync(OpenMaintenanceOrder order)
    {
        if (state.State.Orders.TryGetValue(order.CaseNumber, out var known) && known == order)
        {
            return;
        }
        state.State.Orders[order.CaseNumber] = order;
        await state.WriteOrResetAsync(this);
    }

    public async Task UntrackAsync(string caseNumber)
    {
        if (state.State.Orders.Remove(caseNumber))
        {
            await state.WriteOrResetAsync(this);
        }
    }

    public Task<ImmutableArray<OpenMaintenanceOrder>> GetOverdueAsync(string? department, int limit)
    {
        var now = time.GetUtcNow();
        return Task.FromResult<ImmutableArray<OpenMaintenanceOrder>>([.. state.State.Orders.Values
            .Where(o => MaintenanceSchedule.IsOverdue(o.Order.Window, now) && (department is null || o.Department == department))
            .OrderBy(o => o.Order.Window.End)
            .ThenBy(o => o.CaseNumber, StringComparer.Ordinal)
            .Take(Math.Max(0, limit))
            .Select(Dated)]);
    }

    private OpenMaintenanceOrder Dated(OpenMaintenanceOrder order)
    {
        var calendar = calendars.For(this.GetPrimaryKeyString());
        return order with
        {
            DueOn = calendar.DateOf(order.Order.Window.DueAt),
            OverdueFrom = calendar.DateOf(order.Order.Window.End),
            TimeZone = calendar.TimeZoneId,
        };
    }
}

/// <summary>Durable state of <see cref="MaintenanceOrdersGrain"/>: the region's open maintenance work orders by case number.</summary>
[GenerateSerializer, Alias("AfterSales.Grains.MaintenanceOrdersState")]
internal sealed class MaintenanceOrdersState
{
    [Id(0)] public Dictionary<string, OpenMaintenanceOrder> Orders { get; set; } = new(StringComparer.Ordinal);
}
