using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Staff;
using AfterSales.Tests.Grains.Infrastructure;

namespace AfterSales.Tests.Grains;

[Collection(ClusterCollection.Name)]
public sealed class TechnicianGrainTests(ClusterFixture fixture)
{
    private static AssignmentOffer Offer(string number, int weight = 1) => new(number, CaseType.Fault, CasePriority.Normal, weight, "C-1");

    [Fact]
    public async Task ARegisteredTechnicianIsOnItsDepartmentsRosterWithItsStatus()
    {
        var scenario = new Scenario(fixture);

        var id = await scenario.TechnicianAsync(Department.Maintenance, capacity: 4);

        var department = await scenario.Department(Department.Maintenance).GetAsync();
        var status = Assert.Single(department.Roster);
        Assert.Equal(id, status.TechnicianId);
        Assert.Equal((4, 0, true), (status.Capacity, status.Load, status.OnShift));
        Assert.Equal(new DepartmentLoad(1, 4, 0, 0), department.Load);
        Assert.Empty((await scenario.Department(Department.Installation).GetAsync()).Roster);
    }

    [Fact]
    public async Task RegisteringTheSameTechnicianAgainReplaysOrConflicts()
    {
        var scenario = new Scenario(fixture);
        var grain = scenario.Technician(Scenario.NewId("T"));
        var request = new RegisterTechnicianRequest("Zhang Min", Department.Installation, scenario.Region, [], 2, true) { RequestHash = "h" };
        var first = await grain.RegisterAsync(request);

        var replay = await grain.RegisterAsync(request);
        var other = await grain.RegisterAsync(request with { Capacity = 5, RequestHash = "h2" });

        Assert.True(replay.Replayed);
        SameAs.Expected(first.Value, replay.Value);
        Assert.Equal(ErrorKind.Conflict, other.Error?.Kind);
        Assert.Single((await scenario.Department(Department.Installation).GetAsync()).Roster);
    }

    [Fact]
    public async Task ATechnicianTakesOffersUpToItsCapacityAndNoFurther()
    {
        var scenario = new Scenario(fixture);
        var grain = scenario.Technician(await scenario.TechnicianAsync(Department.TechnicalSupport, capacity: 2));

        var first = await grain.TryAssignAsync(Offer("X-1"));
        var second = await grain.TryAssignAsync(Offer("X-2"));
        var third = await grain.TryAssignAsync(Offer("X-3"));

        Assert.True(first.Accepted);
        Assert.True(second.Accepted);
        Assert.False(third.Accepted);
        Assert.Equal("at capacity (2/2)", third.RefusalReason);
        Assert.Equal(2, third.Status.Load);
        Assert.True(second.Status.Sequence > first.Status.Sequence);
    }

    [Fact]
    public async Task AnOfferOfACaseAlreadyHeldIsAcceptedWithoutTakingMoreCapacity()
    {
        var scenario = new Scenario(fixture);
        var grain = scenario.Technician(await scenario.TechnicianAsync(Department.TechnicalSupport, capacity: 1));
        await grain.TryAssignAsync(Offer("X-1"));

        var again = await grain.TryAssignAsync(Offer("X-1"));

        Assert.True(again.Accepted);
        Assert.Equal(1, again.Status.Load);
        Assert.Single(await grain.GetAssignmentsAsync());
    }

    [Fact]
    public async Task AnOffShiftTechnicianRefusesOffers()
    {
        var scenario = new Scenario(fixture);
        var grain = scenario.Technician(await scenario.TechnicianAsync(Department.TechnicalSupport, onShift: false));

        var reply = await grain.TryAssignAsync(Offer("X-1"));

        Assert.False(reply.Accepted);
        Assert.Equal("off shift", reply.RefusalReason);
        Assert.Empty(await grain.GetAssignmentsAsync());
    }

    [Fact]
    public async Task ReleasingFreesCapacityAndIsIdempotent()
    {
        var scenario = new Scenario(fixture);
        var id = await scenario.TechnicianAsync(Department.TechnicalSupport, capacity: 2);
        var grain = scenario.Technician(id);
        await grain.TryAssignAsync(Offer("X-1"));
        await grain.TryAssignAsync(Offer("X-2"));

        var released = await grain.ReleaseAsync("X-1");
        var again = await grain.ReleaseAsync("X-1");

        Assert.Equal(1, released.Load);
        SameAs.Expected(released, again);
        Assert.Equal(new[] { "X-2" }, await scenario.AssignedCasesAsync(id));
    }

    [Fact]
    public async Task ShiftChangesReachTheDepartmentsView()
    {
        var scenario = new Scenario(fixture);
        var id = await scenario.TechnicianAsync(Department.CustomerService, onShift: false);

        var result = await scenario.Technician(id).SetShiftAsync(true);

        Assert.True(result.Value?.OnShift);
        await Eventually.Until(
            () => scenario.Department(Department.CustomerService).GetAsync(),
            d => d.Load.TechniciansOnShift == 1,
            "the department sees the technician on shift");
    }

    [Fact]
    public async Task AnUnregisteredTechnicianIsNotFoundAndRefusesOffers()
    {
        var grain = fixture.Grains.GetGrain<ITechnicianGrain>(Scenario.NewId("T"));

        Assert.Equal(ErrorKind.NotFound, (await grain.SetShiftAsync(true)).Error?.Kind);
        Assert.False((await grain.TryAssignAsync(Offer("X-1"))).Accepted);
        Assert.Null(await grain.GetStatusAsync());
        Assert.Null(await grain.GetAsync());
    }
}
