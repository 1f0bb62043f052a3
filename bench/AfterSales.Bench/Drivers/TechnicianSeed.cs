using AfterSales.Common;

namespace AfterSales.Bench.Drivers;

/// <summary>A technician the bench registers before the measured phase (on shift unless said otherwise).</summary>
internal sealed record TechnicianSeed(
    string Id, string Name, Department Department, string Region, string Skill, int SkillLevel, int Capacity, bool OnShift = true);
