namespace AfterSales.Technicians;

/// <summary>
/// When a technician has room for a case. Capacity counts units (a case type's weight), and a person reads it as
/// "how many cases at once", so the rule must never strand a case whose weight is above every capacity in its
/// department: a technician holding nothing may take one case of any weight; otherwise the units must fit.
/// </summary>
public static class CapacityRule
{
    /// <summary>True when a technician at <paramref name="load"/> of <paramref name="capacity"/> units may take a case
    /// weighing <paramref name="weight"/>.</summary>
    public static bool Fits(int load, int capacity, int weight) =>
        capacity > 0 && weight > 0 && (load == 0 || load + weight <= capacity);
}
