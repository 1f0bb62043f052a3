using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Installation;
using AfterSales.Models;
using AfterSales.Routing;

namespace AfterSales.Tests.Grains.Infrastructure;

/// <summary>Installation work orders a commissioning test needs: a model with a checked, a measured and an optional
/// measured step, an installation technician on shift in a region of the test's own, and the work order assigned to it.</summary>
internal sealed class WorkOrders(ClusterFixture fixture)
{
    public static readonly ChecklistItemTemplate[] Checklist =
    [
        new("grounding", "Protective earth connected", ChecklistItemKind.Check, null, null, null, Required: true),
        new("supply-voltage", "Supply voltage at the terminal", ChecklistItemKind.Measurement, "V", 210m, 240m, Required: true),
        new("noise", "Noise at 1 m", ChecklistItemKind.Measurement, "dB", null, 60m, Required: false),
    ];

    public Scenario Scenario { get; } = new(fixture);

    /// <summary>Defines a model with <see cref="Checklist"/> (a new code) and makes both silos see it.</summary>
    public async Task<string> ModelAsync(SkillRequirement[]? installationSkills = null)
    {
        var code = Scenario.NewId("M");
        var result = await fixture.Grains.GetGrain<IProductModelGrain>(code).DefineAsync(new DefineProductModelRequest(
            $"Heat pump {code}", [.. installationSkills ?? []], [], [.. Checklist], [], [new FaultCode("E42", "Low pressure", [])], 24, "catalogue-admin"));
        Assert.True(result.IsSuccess, result.Error?.Message);
        await fixture.RefreshModelAsync(code);
        return code;
    }

    /// <summary>A work order assigned to a new installation technician of this region.</summary>
    public async Task<WorkOrder> AssignedAsync()
    {
        var technician = await Scenario.TechnicianAsync(Department.Installation, capacity: 6);
        var customer = await Scenario.CustomerAsync();
        var opened = await Scenario.OpenWorkOrderAsync(customer.Id, await ModelAsync());
        Assert.Equal(technician, opened.AssignedTechnicianId);
        return new WorkOrder(fixture, opened, technician);
    }
}

/// <summary>One installation work order under test and the grains around it.</summary>
internal sealed record WorkOrder(ClusterFixture Fixture, CaseSnapshot Opened, string TechnicianId)
{
    public string Number => Opened.Number;

    public string Serial => Opened.DeviceSerial!;

    public ICommissioningGrain Commissioning => Fixture.Grains.GetGrain<ICommissioningGrain>(Number);

    public ICaseGrain Case => Fixture.Grains.GetGrain<ICaseGrain>(Number);

    public static RecordChecklistAnswerRequest Check(string id, bool passed, string? note = null, int? expectedVersion = null) =>
        new(id, passed, null, null, [], note, false, "tech-1", expectedVersion);

    public static RecordChecklistAnswerRequest Measure(string id, decimal value, string unit, bool deviation = false, string? note = null) =>
        new(id, null, value, unit, [], note, deviation, "tech-1");

    public SubmitCommissioningRequest SignOff(string key = "submit-1", string name = "Wang Fang") =>
        new(new CustomerSignOff(name, Fixture.Clock.GetUtcNow()), "tech-1") { IdempotencyKey = key, RequestHash = $"hash:{name}" };

    /// <summary>Records answers, each of which must be accepted.</summary>
    public async Task<ChecklistSnapshot> AnswerAsync(params RecordChecklistAnswerRequest[] answers)
    {
        ChecklistSnapshot? last = null;
        foreach (var answer in answers)
        {
            var result = await Commissioning.RecordAnswerAsync(answer);
            Assert.True(result.IsSuccess, result.Error?.Message);
            last = result.Value;
        }
        return last!;
    }

    /// <summary>Answers every required item so that the commissioning passes.</summary>
    public Task<ChecklistSnapshot> PassAsync() => AnswerAsync(Check("grounding", true), Measure("supply-voltage", 229.5m, "V"));

    public static void Refused<T>(Result<T> result, ErrorKind kind, string? field = null) where T : class
    {
        Assert.False(result.IsSuccess, "The command was accepted.");
        Assert.Equal(kind, result.Error!.Kind);
        if (field is not null)
        {
            Assert.Equal(field, result.Error.Field);
        }
    }
}
