using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Technicians;
using AfterSales.Tests.Grains.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace AfterSales.Tests.Grains;

/// <summary>While silos leave and join, a technician can briefly have a second activation that accepts a case the first
/// never saw. A start of that case reaching the first activation must not be refused: it reads storage again first.</summary>
[Collection(ClusterCollection.Name)]
public sealed class StaleTechnicianActivationTests(ClusterFixture fixture)
{
    [Fact]
    public async Task AStartOfACaseAnotherActivationAcceptedIsTakenAfterReadingStorageAgain()
    {
        var scenario = new Scenario(fixture);
        var technicianId = await scenario.TechnicianAsync(Department.TechnicalSupport, capacity: 10);
        var customer = await scenario.CustomerAsync();
        var first = await scenario.OpenCaseAsync(customer.Id);
        var second = await scenario.OpenCaseAsync(customer.Id);
        Assert.Equal((technicianId, technicianId), (first.AssignedTechnicianId, second.AssignedTechnicianId));
        var technician = fixture.Grains.GetGrain<ITechnicianGrain>(technicianId);
        var storage = fixture.Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(StorageNames.Main);
        var grainId = technician.GetGrainId();

        // The activation this start will reach knows only the first case: storage without the second, then a fresh
        // activation from it.
        var both = await ReadAsync(storage, grainId);
        var acceptedElsewhere = both.State!.Assignments[second.Number];
        Assert.True(both.State!.Assignments.Remove(second.Number));
        await storage.WriteStateAsync("technician", grainId, both);
        await fixture.Cluster.DeactivateAsync(technician);
        Assert.Equal([first.Number], (await technician.GetAssignmentsAsync()).Select(a => a.CaseNumber));
        // Meanwhile "another activation" stored its acceptance of the second case.
        var moved = await ReadAsync(storage, grainId);
        moved.State!.Assignments.Set(second.Number, acceptedElsewhere);
        await storage.WriteStateAsync("technician", grainId, moved);

        var started = await scenario.Case(second.Number).ApplyAsync(new CaseCommand(CaseAction.Start, "tech-1", null));

        Assert.True(started.IsSuccess, started.Error?.Message);
        Assert.Equal(CaseStatus.InProgress, started.Value!.Status);
        var held = await technician.GetAssignmentsAsync();
        Assert.NotNull(Assert.Single(held, a => a.CaseNumber == second.Number).StartedAt);
        Assert.Contains(held, a => a.CaseNumber == first.Number);
        // The start was stored over what the other activation wrote, not beside it.
        var stored = await ReadAsync(storage, grainId);
        Assert.NotNull(stored.State!.Assignments[second.Number].StartedAt);
    }

    [Fact]
    public async Task AStartOfACaseTheTechnicianDoesNotHoldIsStillRefused()
    {
        var scenario = new Scenario(fixture);
        var technicianId = await scenario.TechnicianAsync(Department.TechnicalSupport, capacity: 3);
        var customer = await scenario.CustomerAsync();
        var opened = await scenario.OpenCaseAsync(customer.Id);
        var technician = fixture.Grains.GetGrain<ITechnicianGrain>(technicianId);
        var storage = fixture.Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(StorageNames.Main);
        // The technician dropped the case (stored), and the case does not know yet.
        var stored = await ReadAsync(storage, technician.GetGrainId());
        Assert.True(stored.State!.Assignments.Remove(opened.Number));
        await storage.WriteStateAsync("technician", technician.GetGrainId(), stored);
        await fixture.Cluster.DeactivateAsync(technician);

        var started = await scenario.Case(opened.Number).ApplyAsync(new CaseCommand(CaseAction.Start, "tech-1", null));

        Assert.Equal(ErrorKind.Conflict, started.Error?.Kind);
        Assert.Contains("no longer holds", started.Error!.Message, StringComparison.Ordinal);
    }

    private static async Task<GrainState<TechnicianState>> ReadAsync(IGrainStorage storage, GrainId grainId)
    {
        var state = new GrainState<TechnicianState>();
        await storage.ReadStateAsync("technician", grainId, state);
        return state;
    }
}
