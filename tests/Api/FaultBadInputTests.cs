using System.Net;
using AfterSales.Cases;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary>Mistakes with fault codes, solutions and problems: each gets its status and a message for the field at fault,
/// and changes nothing.</summary>
[Collection(ApiCollection.Name)]
public sealed class FaultBadInputTests(ApiApplication app) : IDisposable
{
    private readonly ApiDriver api = new(app.CreateApiClient());

    public void Dispose() => api.Client.Dispose();

    [Fact]
    public async Task AFaultCodeTheDevicesModelDoesNotHaveIs422NamingTheCodesItHas()
    {
        var faults = await FaultDriver.StartAsync(api, app.NewRegion());
        var device = await faults.DeviceAsync(1);

        using var response = await api.PostAsync("/api/cases", faults.FaultBody(device.Serial, "E99"));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity, "faultCode");
        Assert.Equal($"Model {faults.Model} has no fault code 'E99'; its fault codes are E42.", Problem.Messages(problem, "faultCode")[0]);
    }

    [Fact]
    public async Task AFaultCodeWithoutADeviceOrOnAnotherTypeOfCaseIs422()
    {
        var faults = await FaultDriver.StartAsync(api, app.NewRegion());
        var device = await faults.DeviceAsync(1);

        using var withoutDevice = await api.PostAsync("/api/cases", faults.FaultBody(null, "E42"));
        using var onAConsultation = await api.PostAsync("/api/cases", faults.FaultBody(device.Serial, "E42", type: "consultation"));

        await Problem.AssertAsync(withoutDevice, HttpStatusCode.UnprocessableEntity, "faultCode");
        await Problem.AssertAsync(onAConsultation, HttpStatusCode.UnprocessableEntity, "faultCode");
    }

    [Fact]
    public async Task AFaultCodeThatIsNoIdentifierIs400()
    {
        var faults = await FaultDriver.StartAsync(api, app.NewRegion());
        var device = await faults.DeviceAsync(1);

        using var response = await api.PostAsync("/api/cases", faults.FaultBody(device.Serial, "E 42"));

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "faultCode");
    }

    [Fact]
    public async Task AnUnknownSolutionIs422AndBothASolutionAndANewOneAre400AndTheCaseStaysInProgress()
    {
        var faults = await FaultDriver.StartAsync(api, app.NewRegion());
        var opened = await faults.FaultAsync(1);
        await faults.ActAsync(opened.Number, "start");

        using var unknown = await api.PostAsync($"/api/cases/{opened.Number}/resolve", new { summary = "Done.", solutionId = "E42-9" });
        using var both = await api.PostAsync($"/api/cases/{opened.Number}/resolve",
            new { summary = "Done.", solutionId = "E42-1", newSolution = "Something else." });

        var problem = await Problem.AssertAsync(unknown, HttpStatusCode.UnprocessableEntity, "solutionId");
        Assert.Equal($"Fault code E42 of model {faults.Model} has no solution 'E42-9'; its solutions are E42-1.", Problem.Messages(problem, "solutionId")[0]);
        await Problem.AssertAsync(both, HttpStatusCode.BadRequest, "newSolution");
        Assert.Equal(CaseStatus.InProgress, (await faults.GetAsync(opened.Number)).Status);
    }

    [Fact]
    public async Task ResolveChildrenOnACaseThatIsNoProblemIs422()
    {
        var faults = await FaultDriver.StartAsync(api, app.NewRegion());
        var opened = await faults.FaultAsync(1);
        await faults.ActAsync(opened.Number, "start");

        using var response = await api.PostAsync($"/api/cases/{opened.Number}/resolve", new { summary = "Done.", resolveChildren = true });

        await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity, "resolveChildren");
    }

    [Fact]
    public async Task LinkingToACaseThatIsNoProblemIs409AndAChildIsRequired()
    {
        var faults = await FaultDriver.StartAsync(api, app.NewRegion());
        var first = await faults.FaultAsync(1);
        var second = await faults.FaultAsync(2);

        using var notAProblem = await api.PostAsync($"/api/cases/{first.Number}/children", new { caseNumber = second.Number });
        using var missing = await api.PostAsync($"/api/cases/{first.Number}/children", new { });

        var conflict = await Problem.AssertAsync(notAProblem, HttpStatusCode.Conflict, "number");
        Assert.Equal("assigned", conflict.GetProperty("currentStatus").GetString());
        await Problem.AssertAsync(missing, HttpStatusCode.BadRequest, "caseNumber");
        Assert.Null((await faults.GetAsync(second.Number)).Problem);
    }

    [Fact]
    public async Task AProblemPageLimitOutOfRangeIs400AndProposedSolutionsOfAnUnknownModelAre404()
    {
        using var limit = await api.Client.GetAsync("/api/problems?limit=0");
        using var after = await api.Client.GetAsync("/api/problems?after=%20x");
        using var model = await api.Client.GetAsync($"/api/models/{ApiDriver.Unique("HX")}/proposed-solutions");

        await Problem.AssertAsync(limit, HttpStatusCode.BadRequest, "limit");
        await Problem.AssertAsync(after, HttpStatusCode.BadRequest, "after");
        await Problem.AssertAsync(model, HttpStatusCode.NotFound, "code");
    }
}
