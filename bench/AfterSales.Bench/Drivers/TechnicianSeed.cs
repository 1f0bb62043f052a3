using AfterSales.Common;

namespace AfterSales.Bench.Drivers;

/// <summary>A technician the bench registers (on shift) before the measured phase.</summary>
internal sealed record TechnicianSeed(
    string Id, string Name, Department Department, string Region, string Skill, int SkillLevel, int Capacity);
