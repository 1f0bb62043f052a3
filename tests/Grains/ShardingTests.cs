using System.Collections.Immutable;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Departments;
using AfterSales.Domain;
using AfterSales.Domain.Routing;
using AfterSales.Technicians;
using AfterSales.Tests.Grains.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace AfterSales.Tests.Grains;

[Collection(ClusterCollection.Name)]
public sealed class ShardingTests(ClusterFixture fixture)
{
    private const Department Support = Department.TechnicalSupport;

    private (Scenario Scenario, int Count) ShardedScenario()
    {
        var scenario = new Scenario(fixture, fixture.NewShardedRegion());
        var count = fixture.Shards.CountOf(Support, scenario.Region);
        Assert.InRange(count, 2, 4);
        return (scenario, count);
    }

    private IDepartmentGrain Shard(Scenario scenario, int shard) =>
        fixture.Grains.GetGrain<IDepartmentGrain>(ShardKeys.Key(Support, scenario.Region, shard));

    private IDepartmentDirectoryGrain Directory => fixture.Grains.GetGrain<IDepartmentDirectoryGrain>(0);

    [Fact]
    public async Task TechniciansJoinTheShardTheirIdHashesTo()
    {
        var (scenario, count) = ShardedScenario();
        var technicians = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            technicians.Add(await scenario.TechnicianAsync(Support));
        }

        // Registration waits for the join, so each shard lists its technicians once registration returns.
        var rosters = new List<string[]>();
        for (var shard = 0; shard < count; shard++)
        {
            var expected = technicians.Where(t => ShardKeys.ShardOf(t, count) == shard).Order(StringComparer.Ordinal).ToArray();
            var roster = (await Shard(scenario, shard).GetAsync()).Roster.Select(t => t.TechnicianId).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(expected, roster);
            rosters.Add(roster);
        }
        Assert.True(rosters.Count(r => r.Length > 0) >= 2, "the technicians spread over at least two shards");
        Assert.Equal(technicians.Count, rosters.Sum(r => r.Length));
    }

    [Fact]
    public async Task CasesQueueInTheShardTheirNumberHashesTo()
    {
        var (scenario, count) = ShardedScenario();
        var numbers = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            var opened = await scenario.OpenForNewCustomerAsync();
            Assert.Equal(CaseStatus.New, opened.Status);
            numbers.Add(opened.Number);
        }

        var queued = new List<string[]>();
        for (var shard = 0; shard < count; shard++)
        {
            var queue = (await Shard(scenario, shard).GetAsync()).Queue.Select(q => q.CaseNumber).ToArray();
            Assert.Equal(numbers.Where(n => ShardKeys.ShardOf(n, count) == shard).Order(StringComparer.Ordinal), queue.Order(StringComparer.Ordinal));
            queued.Add(queue);
        }
        Assert.True(queued.Count(q => q.Length > 0) >= 2, "the cases spread over at least two shards");
    }

    [Fact]
    public async Task ACaseWhoseShardHasNobodyIsServedByASiblingAtReviewAndReturnsHomeWhenDropped()
    {
        var (scenario, count) = ShardedScenario();
        var technician = await scenario.TechnicianAsync(Support, capacity: 40);
        var technicianShard = ShardKeys.ShardOf(technician, count);
        Assert.Equal(40, (await Shard(scenario, technicianShard).GetCapacityAsync()).FreeUnits);
        // The shard asks its siblings for work a moment after the technician joins: let it ask now and the asks arrive,
        // while nothing waits anywhere, so that the case below waits at home until the review.
        await Shard(scenario, technicianShard).AsReference<IPendingWork>().RunPendingAsync();
        await fixture.OneWay.Idle();

        // Cases homed with the technician are assigned at once; the first homed elsewhere waits there.
        CaseSnapshot? waiting = null;
        for (var i = 0; i < 30 && waiting is null; i++)
        {
            var opened = await scenario.OpenForNewCustomerAsync();
            if (ShardKeys.ShardOf(opened.Number, count) == technicianShard)
            {
                Assert.Equal(technician, opened.AssignedTechnicianId);
            }
            else
            {
                Assert.Equal(CaseStatus.New, opened.Status);
                waiting = opened;
            }
        }
        Assert.NotNull(waiting);
        var home = Shard(scenario, ShardKeys.ShardOf(waiting.Number, count));
        Assert.Contains(waiting.Number, (await home.GetAsync()).Queue.Select(q => q.CaseNumber));

        // The review offers it to the sibling.
        var review = await home.ReviewQueueAsync();

        Assert.Equal(0, review.Queued);
        var served = await scenario.Case(waiting.Number).GetAsync();
        Assert.Equal((CaseStatus.Assigned, technician), (served!.Status, served.AssignedTechnicianId));
        Assert.Equal((Support, scenario.Region), (served.Department, served.Region));
        Assert.Empty((await home.GetAsync()).Queue);
        Assert.Contains(waiting.Number, await scenario.AssignedCasesAsync(technician));

        // Going off shift hands the case back to its own home shard, not to the technician's.
        var returned = fixture.Calls.Handled<ImmutableArray<string>>(home, nameof(IDepartmentGrain.CasesReturnedAsync), numbers => numbers.Contains(waiting.Number));
        await scenario.PresenceAsync(technician, Presence.OffShift);
        await returned;
        Assert.Contains(waiting.Number, (await home.GetAsync()).Queue.Select(q => q.CaseNumber));
        Assert.Equal(CaseStatus.New, (await scenario.Case(waiting.Number).GetAsync())!.Status);
        Assert.DoesNotContain(waiting.Number, (await Shard(scenario, technicianShard).GetAsync()).Queue.Select(q => q.CaseNumber));
    }

    [Fact]
    public async Task TheDepartmentViewMergesEveryShard()
    {
        var (scenario, count) = ShardedScenario();
        var technicians = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            technicians.Add(await scenario.TechnicianAsync(Support, capacity: 2, onShift: i % 2 == 0));
        }
        // Off-shift technicians take nothing; the on-shift ones fill up (fault weighs 2) and the rest queue.
        var numbers = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            numbers.Add((await scenario.OpenForNewCustomerAsync(priority: i % 3 == 0 ? CasePriority.Urgent : CasePriority.Normal)).Number);
        }
        // A shard with room may still take a sibling's waiting case: settle, so that the shards and the merge read alike.
        Assert.NotNull(await fixture.SettleScheduledAsync(technicians, fixture.Shards.AllOf(Support, scenario.Region)));

        var parts = new List<DepartmentSnapshot>();
        for (var shard = 0; shard < count; shard++)
        {
            parts.Add(await Shard(scenario, shard).GetAsync());
        }
        var merged = await Directory.GetAsync(Support, scenario.Region);

        Assert.Equal(technicians.Order(StringComparer.Ordinal), merged.Roster.Select(t => t.TechnicianId));
        Assert.Equal(parts.SelectMany(p => p.Queue).Select(q => q.CaseNumber).Order(StringComparer.Ordinal), merged.Queue.Select(q => q.CaseNumber).Order(StringComparer.Ordinal));
        Assert.True(merged.Queue.Length > 0, "some cases wait");
        Assert.Equal(merged.Queue.Order(QueueOrder.Instance).Select(q => q.CaseNumber), merged.Queue.Select(q => q.CaseNumber));
        Assert.Equal((4, 8, parts.Sum(p => p.Load.InUse), merged.Queue.Length),
            (merged.Load.TechniciansOnShift, merged.Load.Capacity, merged.Load.InUse, merged.Load.Queued));
        Assert.Equal(parts[0].Strategy, merged.Strategy);
        Assert.Equal((Support, scenario.Region), (merged.Department, merged.Region));
        var listed = Assert.Single(await Directory.ListAsync(), d => d.Department == Support && d.Region == scenario.Region);
        Assert.Equal(merged.Roster.Select(t => t.TechnicianId), listed.Roster.Select(t => t.TechnicianId));
    }

    [Fact]
    public async Task AShardWithRoomTakesASiblingsWaitingCaseAsSoonAsCapacityFrees()
    {
        var (scenario, count) = ShardedScenario();
        var technician = await scenario.TechnicianAsync(Support, capacity: 2);
        var own = ShardKeys.ShardOf(technician, count);
        Assert.Equal(1, (await Shard(scenario, own).GetCapacityAsync()).Available);

        // Fill the technician (a case homed in its shard, or one a sibling hands it) and let cases homed elsewhere wait in
        // their shards. A case homed in the technician's shard once it is full would wait there and be served first:
        // cancel it.
        var waitingElsewhere = new List<string>();
        string[] holding = [];
        for (var i = 0; i < 40 && (holding.Length == 0 || waitingElsewhere.Count == 0); i++)
        {
            var opened = await scenario.OpenForNewCustomerAsync();
            holding = await scenario.AssignedCasesAsync(technician);
            if (opened.AssignedTechnicianId == technician || holding.Contains(opened.Number))
            {
                continue;
            }
            if (ShardKeys.ShardOf(opened.Number, count) == own)
            {
                await scenario.ApplyAsync(opened.Number, CaseAction.Cancel);
            }
            else
            {
                waitingElsewhere.Add(opened.Number);
            }
            waitingElsewhere.RemoveAll(holding.Contains);
        }
        var held = await scenario.WaitForStatusAsync(Assert.Single(holding), CaseStatus.Assigned);
        Assert.NotEmpty(waitingElsewhere);
        // The cancelled cases' withdrawals are one-way: reconciling the shard drops whatever entry they left.
        await Shard(scenario, own).ReconcileAsync();
        Assert.Empty((await Shard(scenario, own).GetAsync()).Queue);
        var offered = fixture.Calls.Returned<RoutingOutcome>(Shard(scenario, own), nameof(IDepartmentGrain.AcceptOverflowAsync), outcome => outcome.Assigned);

        await scenario.ApplyAsync(held.Number, CaseAction.Start);
        await scenario.ResolveAsync(held.Number);

        // No review runs: the freed shard asks its siblings, and a sibling offers its first waiting case at once (the
        // freed shard placing it is the barrier).
        await offered;
        var taken = await scenario.AssignedCasesAsync(technician);
        Assert.Contains(Assert.Single(taken), waitingElsewhere);
        Assert.Equal(technician, (await scenario.WaitForStatusAsync(taken[0], CaseStatus.Assigned)).AssignedTechnicianId);
    }

    [Fact]
    public async Task AShardThatIsNoHomeAnyMoreHandsItsWaitingCasesToTheirHomeShard()
    {
        var (scenario, count) = ShardedScenario();
        var waiting = await scenario.OpenForNewCustomerAsync();
        var home = Shard(scenario, ShardKeys.ShardOf(waiting.Number, count));
        Assert.Contains(waiting.Number, (await home.GetAsync()).Queue.Select(q => q.CaseNumber));

        // As if the count had been higher before: the case waits in a shard that no longer exists, not at home.
        var withdrawn = fixture.Calls.Handled(home, nameof(IDepartmentGrain.WithdrawAsync));
        await home.WithdrawAsync(waiting.Number);
        await withdrawn;
        Assert.Empty((await home.GetAsync()).Queue);
        var formerKey = ShardKeys.Key(Support, scenario.Region, count + 3);
        await StoreQueuedAsync(formerKey, waiting);

        // The former shard hands the case over on activation and drops it when home acknowledges (both one-way).
        var former = fixture.Grains.GetGrain<IDepartmentGrain>(formerKey);
        var adopted = fixture.Calls.Handled(home, nameof(IDepartmentGrain.AdoptQueuedAsync));
        var acknowledged = fixture.Calls.Handled(former, nameof(IDepartmentGrain.HandedOverAsync));
        await former.GetAsync();

        await adopted;
        Assert.Equal([waiting.Number], (await home.GetAsync()).Queue.Select(q => q.CaseNumber));
        await acknowledged;
        Assert.Empty((await former.GetAsync()).Queue);
        Assert.Equal(CaseStatus.New, (await scenario.Case(waiting.Number).GetAsync())!.Status);
    }

    /// <summary>Writes a department grain's stored state with one waiting case, before the grain activates.</summary>
    private async Task StoreQueuedAsync(string departmentKey, CaseSnapshot waiting)
    {
        var stored = new DepartmentState();
        var queued = new QueuedCase(waiting.Number, waiting.Priority, waiting.Type, 2, waiting.CreatedAt, waiting.CreatedAt);
        stored.Queue.Set(waiting.Number, new QueueEntry(queued, waiting.CustomerId));
        var storage = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Main);
        await storage.WriteStateAsync("department", GrainId.Create("department", departmentKey), new GrainState<DepartmentState>(stored));
    }
}
