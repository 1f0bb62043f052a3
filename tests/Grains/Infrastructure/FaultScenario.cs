using System.Globalization;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Devices;
using AfterSales.Models;
using AfterSales.Problems;

namespace AfterSales.Tests.Grains.Infrastructure;

/// <summary>A product model with fault codes (E42 with two known solutions, E43 with none), a customer and a
/// technical-support technician in a region of their own, and fault cases about devices whose serials are one series
/// (<c>{Series}000123</c>): what tests of fault knowledge and problem detection need, with a model code and serial series
/// no other test uses.</summary>
internal sealed class FaultScenario(ClusterFixture fixture)
{
    public const string Code = "E42";

    public Scenario Scenario { get; } = new(fixture);

    public string Model { get; } = Scenario.NewId("M");

    /// <summary>The serial prefix of this scenario's devices.</summary>
    public string Series { get; } = Scenario.NewId("S") + "-";

    public string CustomerId { get; private set; } = "";

    public string TechnicianId { get; private set; } = "";

    public IGrainFactory Grains => fixture.Grains;

    /// <summary>Problem detection for the model and <see cref="Code"/>.</summary>
    public IFaultClusterGrain Detection => Grains.GetGrain<IFaultClusterGrain>(GrainKeys.FaultCluster(Model, Code));

    public IProductModelGrain ModelGrain => Grains.GetGrain<IProductModelGrain>(Model);

    public static async Task<FaultScenario> StartAsync(ClusterFixture fixture, int capacity = 100)
    {
        var faults = new FaultScenario(fixture);
        var defined = await faults.ModelGrain.DefineAsync(new DefineProductModelRequest(
            $"Heat pump {faults.Model}", [], [], [], [],
            [
                new FaultCode(Code, "Low pressure",
                [
                    new KnownSolution("E42-1", "Replace the seal.", "catalogue", DateTimeOffset.UnixEpoch, null, 0),
                    new KnownSolution("E42-2", "Bleed the circuit.", "catalogue", DateTimeOffset.UnixEpoch, null, 0),
                ]),
                new FaultCode("E43", "Fan stalls", []),
            ],
            24, "catalogue-admin"));
        Assert.True(defined.IsSuccess, defined.Error?.Message);
        await fixture.RefreshModelAsync(faults.Model);
        faults.CustomerId = (await faults.Scenario.CustomerAsync()).Id;
        faults.TechnicianId = await faults.Scenario.TechnicianAsync(Department.TechnicalSupport, capacity);
        return faults;
    }

    public string Serial(long number) => string.Create(CultureInfo.InvariantCulture, $"{Series}{number:D6}");

    /// <summary>A device of the model with serial <see cref="Serial"/>(<paramref name="number"/>), owned by the customer.</summary>
    public async Task<string> DeviceAsync(long number)
    {
        var serial = Serial(number);
        var registered = await Grains.GetGrain<IDeviceGrain>(serial).RegisterAsync(new RegisterDeviceRequest(Model, CustomerId, null, null, null));
        Assert.True(registered.IsSuccess, registered.Error?.Message);
        return serial;
    }

    /// <summary>Opens a fault case about a new device with serial number <paramref name="number"/>.</summary>
    public async Task<CaseSnapshot> FaultAsync(long number, string? faultCode = Code)
    {
        var result = await TryOpenAsync(CaseType.Fault, await DeviceAsync(number), faultCode);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value!;
    }

    public async Task<Result<CaseSnapshot>> TryOpenAsync(CaseType type, string? deviceSerial, string? faultCode)
    {
        var number = await Grains.GetGrain<ICaseNumberGrain>(0).NextAsync();
        // The case tells detection one-way after its write; detection links and opens problems before it returns.
        var detected = type == CaseType.Fault && faultCode is not null
            ? fixture.Calls.Handled<FaultReport>(Grains.GetGrain<IFaultClusterGrain>(GrainKeys.FaultCluster(Model, faultCode.ToUpperInvariant())),
                nameof(IFaultClusterGrain.OnFaultAsync), report => report.CaseNumber == number)
            : null;
        var opened = await Scenario.Case(number).OpenAsync(
            new OpenCaseRequest(CustomerId, type, CasePriority.Normal, CaseChannel.Phone, "Pressure drops", "Low pressure after ten minutes.", deviceSerial, "agent-1")
            {
                FaultCode = faultCode,
            });
        if (opened.IsSuccess && detected is not null)
        {
            await detected;
        }
        return opened;
    }

    /// <summary>The case, checked to be a problem's child (detection handled it before <see cref="TryOpenAsync"/> returned).</summary>
    public async Task<CaseSnapshot> LinkedAsync(string number)
    {
        var snapshot = (await Scenario.Case(number).GetAsync())!;
        Assert.True(snapshot.Problem is not null, $"{number} is not a problem's child");
        return snapshot;
    }

    /// <summary>Detection, checked to hold exactly these faults that count.</summary>
    public async Task<FaultClusterSnapshot> CountingAsync(params string[] numbers)
    {
        var detection = await Detection.GetAsync();
        Assert.Equal(numbers.Order(), detection.Faults.Order());
        return detection;
    }

    public ICaseProblemsGrain Problems(string number) => Grains.GetGrain<ICaseProblemsGrain>(number);

    /// <summary>Starts an assigned case and resolves it with a summary and, optionally, a solution.</summary>
    public async Task<Result<CaseSnapshot>> StartAndResolveAsync(string number, string? solutionId = null, string? newSolution = null,
        bool resolveChildren = false)
    {
        await Scenario.ApplyAsync(number, CaseAction.Start);
        return await Scenario.Case(number).ApplyAsync(new CaseCommand(CaseAction.Resolve, "tech-1", "Fixed on site.")
        {
            SolutionId = solutionId,
            NewSolution = newSolution,
            ResolveChildren = resolveChildren,
        });
    }
}
