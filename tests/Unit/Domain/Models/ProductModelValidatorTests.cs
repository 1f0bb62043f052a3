using AfterSales.Domain.Models;
using AfterSales.Models;
using AfterSales.Routing;
using static AfterSales.Tests.Unit.Domain.Models.ModelFixtures;

namespace AfterSales.Tests.Unit.Domain.Models;

public sealed class ProductModelValidatorTests
{
    private static string[] Fields(DefineProductModelRequest request) => [.. ProductModelValidator.Validate(request).Select(e => e.Field)];

    [Fact]
    public void AFullDefinitionAndAnEmptyOneAreValid()
    {
        Assert.Empty(Fields(Definition()));
        Assert.Empty(Fields(new DefineProductModelRequest("Bare", [], [], [], [], [], 0, "admin")));
    }

    [Fact]
    public void ChecklistIdsMustBeUniqueRegardlessOfCase()
    {
        var request = Definition() with { Checklist = [Check("leak-test"), Check("Leak-Test")] };

        Assert.Equal(["checklist[1].id"], Fields(request));
    }

    [Fact]
    public void AMeasurementNeedsAUnitAndARangeThatDoesNotEndBelowItsStart()
    {
        var request = Definition() with
        {
            Checklist = [Measurement("a", unit: null), Measurement("b", min: 5, max: 4), Measurement("c", min: 4, max: 4), Measurement("d", min: null, max: null)],
        };

        Assert.Equal(["checklist[0].unit", "checklist[1].max"], Fields(request));
    }

    [Fact]
    public void ACheckHasNeitherUnitNorRange()
    {
        var request = Definition() with
        {
            Checklist = [Check("a") with { Unit = "V" }, Check("b") with { Min = 1 }, Check("c") with { Max = 1 }],
        };

        Assert.Equal(["checklist[0].unit", "checklist[1].min", "checklist[2].max"], Fields(request));
    }

    [Fact]
    public void AnUnknownItemKindAndAnOutOfBoundsValueAreRefused()
    {
        var request = Definition() with
        {
            Checklist = [Check("a") with { Kind = (ChecklistItemKind)9 }, Measurement("b", min: -2_000_000_000m)],
        };

        Assert.Equal(["checklist[0].kind", "checklist[1].min"], Fields(request));
    }

    [Fact]
    public void SkillsFollowTheFieldLimits()
    {
        var request = Definition() with
        {
            InstallationSkills = [new SkillRequirement("hydraulics", 6), new SkillRequirement("Hydraulics", 2), new SkillRequirement(new string('s', 51), 1)],
            MaintenanceSkills = [new SkillRequirement("", 1), new SkillRequirement("electrical", 0)],
        };

        Assert.Equal(
            ["installationSkills[0].minLevel", "installationSkills[1].name", "installationSkills[2].name",
             "maintenanceSkills[0].name", "maintenanceSkills[1].minLevel"],
            Fields(request));
    }

    [Fact]
    public void TooManySkillsAreRefusedOnTheList()
    {
        var request = Definition() with { MaintenanceSkills = [.. Enumerable.Range(0, 21).Select(i => new SkillRequirement($"s{i}", 1))] };

        Assert.Equal(["maintenanceSkills"], Fields(request));
    }

    [Fact]
    public void FaultCodesAreUniqueRegardlessOfCaseAndSolutionIdsUniqueInTheModel()
    {
        var request = Definition() with
        {
            FaultCodes =
            [
                new FaultCode("E42", "Low pressure", [Solution("S-1")]),
                new FaultCode("e42", "Low pressure again", []),
                new FaultCode("E7", "Fan", [Solution("s-1"), Solution("S-2", summary: " ")]),
            ],
        };

        Assert.Equal(["faultCodes[1].code", "faultCodes[2].solutions[0].id", "faultCodes[2].solutions[1].summary"], Fields(request));
    }

    [Fact]
    public void PlansNeedUniqueIdsAnIntervalOfAtLeastADayAndSensibleTasks()
    {
        var plan = new MaintenancePlanTemplate("annual", "Annual", 365, ["Clean"], 60);
        var request = Definition() with
        {
            MaintenancePlans =
            [
                plan,
                plan with { Id = "ANNUAL" },
                plan with { Id = "weekly", IntervalDays = 0 },
                plan with { Id = "daily", Tasks = ["ok", ""], EstimatedMinutes = 0 },
                plan with { Id = "decade", IntervalDays = 3651, Name = "" },
            ],
        };

        Assert.Equal(
            ["maintenancePlans[1].id", "maintenancePlans[2].intervalDays", "maintenancePlans[3].tasks[1]",
             "maintenancePlans[3].estimatedMinutes", "maintenancePlans[4].name", "maintenancePlans[4].intervalDays"],
            Fields(request));
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(120, true)]
    [InlineData(121, false)]
    public void AWarrantyLastsZeroTo120Months(int months, bool valid)
    {
        Assert.Equal(valid ? [] : ["warrantyMonths"], Fields(Definition() with { WarrantyMonths = months }));
    }

    [Fact]
    public void ANameIsRequiredAndSingleLine()
    {
        Assert.Equal(["name"], Fields(Definition() with { Name = "  " }));
        Assert.Equal(["name"], Fields(Definition() with { Name = "Heat\npump" }));
    }
}
