using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Departments;
using AfterSales.Routing;
using AfterSales.Technicians;
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
        var department = scenario.Department(Department.CustomerService);
        var pushed = fixture.Calls.Handled<TechnicianStatus>(department, nameof(IDepartmentGrain.TechnicianUpdatedAsync), s => s.OnShift);

        var result = await scenario.Technician(id).SetShiftAsync(true);

        Assert.True(result.Value?.OnShift);
        await pushed;
        Assert.Equal(1, (await department.GetAsync()).Load.TechniciansOnShift);
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

    [Fact]
    public async Task CapacityCannotGoBelowTheUnitsInUseAndInvalidSkillsAreRefusedOnTheirField()
    {
        var scenario = new Scenario(fixture);
        var grain = scenario.Technician(await scenario.TechnicianAsync(Department.TechnicalSupport, capacity: 4));
        await grain.TryAssignAsync(Offer("X-1", weight: 3));

        var tooLow = await grain.UpdateAsync(new UpdateTechnicianRequest(null, 2));
        var badSkill = await grain.UpdateAsync(new UpdateTechnicianRequest([new Skill("hydraulics", 6)], null));
        var stale = await grain.UpdateAsync(new UpdateTechnicianRequest(null, 5, ExpectedVersion: 1));
        var fine = await grain.UpdateAsync(new UpdateTechnicianRequest([new Skill("welding", 2)], 3));

        Assert.Equal(ErrorKind.Conflict, tooLow.Error?.Kind);
        Assert.Equal((ErrorKind.Validation, "skills[0].level"), (badSkill.Error?.Kind, badSkill.Error?.Field));
        Assert.Equal(ErrorKind.PreconditionFailed, stale.Error?.Kind);
        Assert.Equal((3, "welding"), (fine.Value!.Capacity, fine.Value.Skills.Single().Name));
    }

    [Fact]
    public async Task ATechnicianRefusesAnOfferWhileAwayOrWithoutTheRequiredSkill()
    {
        var scenario = new Scenario(fixture);
        var id = await scenario.TechnicianAsync(Department.TechnicalSupport);
        var grain = scenario.Technician(id);

        var unskilled = await grain.TryAssignAsync(Offer("X-1") with { Required = [new SkillRequirement("hydraulics", 4)] });
        await scenario.PresenceAsync(id, Presence.Away);
        var away = await grain.TryAssignAsync(Offer("X-2"));

        Assert.Equal((false, "missing hydraulics≥4"), (unskilled.Accepted, unskilled.RefusalReason));
        Assert.Equal((false, "away", Presence.Away), (away.Accepted, away.RefusalReason, away.Status.Presence));
        Assert.Equal(Presence.Away, (await grain.GetAsync())!.Presence);
    }

    [Fact]
    public async Task AStartedCaseIsMarkedAndAnUnheldOneIsNot()
    {
        var scenario = new Scenario(fixture);
        var grain = scenario.Technician(await scenario.TechnicianAsync(Department.TechnicalSupport));
        await grain.TryAssignAsync(Offer("X-1"));

        Assert.True(await grain.MarkStartedAsync("X-1"));
        Assert.False(await grain.MarkStartedAsync("X-2"));
        Assert.NotNull(Assert.Single(await grain.GetAssignmentsAsync()).StartedAt);
    }

    [Fact]
    public async Task AnInvalidPresenceIsRefusedOnItsField()
    {
        var scenario = new Scenario(fixture);
        var grain = scenario.Technician(await scenario.TechnicianAsync(Department.TechnicalSupport));

        var result = await grain.SetPresenceAsync(new SetPresenceRequest((Presence)7));

        Assert.Equal((ErrorKind.Validation, "presence"), (result.Error?.Kind, result.Error?.Field));
    }
}
