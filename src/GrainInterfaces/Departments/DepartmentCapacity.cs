namespace AfterSales.Departments;

/// <summary>What a neighbour region needs to know before offering overflow: free units of available
/// technicians (on shift, not away), the largest free block one of them has, and the queue length.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.DepartmentCapacity")]
public sealed record DepartmentCapacity(
    [property: Id(0)] int Available,
    [property: Id(1)] int FreeUnits,
    [property: Id(2)] int LargestFree,
    [property: Id(3)] int Queued);
