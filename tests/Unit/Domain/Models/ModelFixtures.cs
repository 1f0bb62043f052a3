using AfterSales.Models;
using AfterSales.Routing;

namespace AfterSales.Tests.Unit.Domain.Models;

/// <summary>A valid definition of a heat pump model to vary in tests.</summary>
internal static class ModelFixtures
{
    public static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    public static ChecklistItemTemplate Measurement(string id, string? unit = "V", decimal? min = 210, decimal? max = 240) =>
        new(id, $"Measure {id}", ChecklistItemKind.Measurement, unit, min, max, true);

    public static ChecklistItemTemplate Check(string id) => new(id, $"Check {id}", ChecklistItemKind.Check, null, null, null, true);

    public static KnownSolution Solution(string id, string summary = "Replace the seal.") => new(id, summary, "", Noon, null, 0);

    public static DefineProductModelRequest Definition() => new(
        "Heat pump HX-200",
        [new SkillRequirement("hydraulics", 3), new SkillRequirement("electrical", 2)],
        [new SkillRequirement("hydraulics", 2)],
        [Measurement("supply-voltage"), Check("leak-test")],
        [new MaintenancePlanTemplate("annual", "Annual service", 365, ["Clean the filter", "Check the pressure"], 90)],
        [new FaultCode("E42", "Low pressure", [Solution("E42-1")]), new FaultCode("E7", "Fan blocked", [])],
        24,
        "catalogue-admin");
}
