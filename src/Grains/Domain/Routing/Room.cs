using AfterSales.Technicians;

namespace AfterSales.Domain.Routing;

/// <summary>How much a technician can take now, by <see cref="CapacityRule"/>: a technician holding nothing takes one
/// case of any weight, so its room is unbounded; otherwise its free units.</summary>
internal static class Room
{
    /// <summary>The heaviest case the technician could take now (<see cref="int.MaxValue"/> when it holds nothing).</summary>
    public static int For(TechnicianStatus technician) => For(technician.Load, technician.Capacity);

    public static int For(int load, int capacity) =>
        capacity <= 0 ? 0 : load <= 0 ? int.MaxValue : Math.Max(0, capacity - load);
}
