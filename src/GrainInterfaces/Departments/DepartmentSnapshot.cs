using System.Collections.Immutable;
using AfterSales.Common;
using AfterSales.Routing;
using AfterSales.Technicians;

namespace AfterSales.Departments;

/// <summary>A department in one region: who is on its roster, what waits, how loaded it is.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.DepartmentSnapshot")]
public sealed record DepartmentSnapshot(
    [property: Id(0)] Department Department,
    [property: Id(1)] string Region,
    [property: Id(2)] ImmutableArray<TechnicianStatus> Roster,
    [property: Id(3)] ImmutableArray<QueuedCase> Queue,
    [property: Id(4)] DepartmentLoad Load)
{
    /// <summary>The strategy the department-region routes with (from the routing policy).</summary>
    [Id(5)] public RoutingStrategy Strategy { get; init; }

    /// <summary>Queued cases nobody the department can reach has the skills for, in queue order: a supervisor must act
    /// (skills, transfer or manual assignment).</summary>
    [Id(6)] public ImmutableArray<string> Unroutable { get; init; } = [];

    /// <summary>Cases predicted to breach their next SLA target (queued, in queue order, then assigned but not
    /// started), for supervisors.</summary>
    [Id(7)] public ImmutableArray<AtRiskCase> AtRisk { get; init; } = [];
}

/// <summary>Aggregate load of a department-region, counting on-shift technicians only.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.DepartmentLoad")]
public sealed record DepartmentLoad(
    [property: Id(0)] int TechniciansOnShift,
    [property: Id(1)] int Capacity,
    [property: Id(2)] int InUse,
    [property: Id(3)] int Queued)
{
    /// <summary>Share of on-shift capacity in use (0 when nobody is on shift).</summary>
    public double Utilisation => Capacity == 0 ? 0 : Math.Round((double)InUse / Capacity, 4);
}
