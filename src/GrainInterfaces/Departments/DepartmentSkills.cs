using System.Collections.Immutable;
using AfterSales.Technicians;

namespace AfterSales.Departments;

/// <summary>The distinct skill sets of a department's roster, whatever each technician's presence: what a sibling
/// shard or a neighbour region needs to tell whether anyone here could ever take a case.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.DepartmentSkills")]
public sealed record DepartmentSkills([property: Id(0)] ImmutableArray<ImmutableArray<Skill>> Profiles);
