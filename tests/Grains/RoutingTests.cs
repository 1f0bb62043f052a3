using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Departments;
using AfterSales.Tests.Grains.Infrastructure;

namespace AfterSales.Tests.Grains;

[Collection(ClusterCollection.Name)]
public sealed class RoutingTests(ClusterFixture fixture)
{
    [Fact]
    public async Task AFaultCaseGoesToTheOnShiftTechnicalSupportTechnicianOfTheCustomersRegion()
    {
        var elsewhere = new Scenario(fixture);
        await elsewhere.TechnicianAsync(Department.TechnicalSupport);
        var scenario = new Scenario(fixture);
        await scenario.TechnicianAsync(Department.TechnicalSupport, onShift: false);
        await scenario.TechnicianAsync(Department.CustomerService);
        var expected = await scenario.TechnicianAsync(Department.TechnicalSupport);
        var customer = await scenario.CustomerAsync();

        var opened = await scenario.OpenCaseAsync(customer.Id, CaseType.Fault);

        Assert.Equal(CaseStatus.Assigned, opened.Status);
        Assert.Equal(Department.TechnicalSupport, opened.Department);
        Assert.Equal(scenario.Region, opened.Region);
        Assert.Equal(expected, opened.AssignedTechnicianId);
        Assert.Equal(new[] { opened.Number }, await scenario.AssignedCasesAsync(expected));
        var assigned = (await scenario.Case(opened.Number).ReadAllAsync())!.Value.Single(e => e.Action == "assigned");
        Assert.Equal($"{expected} by leastLoaded (0 load), 1 of 2 eligible", assigned.Details);
    }

    [Fact]
    public async Task AConsultationGoesToCustomerService()
    {
        var scenario = new Scenario(fixture);
        await scenario.TechnicianAsync(Department.TechnicalSupport);
        var agent = await scenario.TechnicianAsync(Department.CustomerService);
        var customer = await scenario.CustomerAsync();

        var opened = await scenario.OpenCaseAsync(customer.Id, CaseType.Consultation);

        Assert.Equal(Department.CustomerService, opened.Department);
        Assert.Equal(agent, opened.AssignedTechnicianId);
    }

    [Fact]
    public async Task CasesAreSpreadToTheLeastLoadedTechnician()
    {
        var scenario = new Scenario(fixture);
        // An installation weighs 3 units: a holds 2 of them, b 6.
        var a = await scenario.TechnicianAsync(Department.Installation, capacity: 6);
        var b = await scenario.TechnicianAsync(Department.Installation, capacity: 18);
        var assignees = new List<string?>();
        for (var i = 0; i < 4; i++)
        {
            // A new customer each time: a returning customer would get the same technician (affinity).
            var customer = await scenario.CustomerAsync();
            assignees.Add((await scenario.OpenCaseAsync(customer.Id, CaseType.Installation)).AssignedTechnicianId);
        }

        // Ratios decide: after one case each, a is at 3/6 and b at 3/18, so b takes the next two (6/18, 9/18).
        Assert.Equal(1, assignees.Count(id => id == a));
        Assert.Equal(3, assignees.Count(id => id == b));
    }

    [Fact]
    public async Task WithoutAnOnShiftTechnicianCasesAreQueuedWithTheirPositions()
    {
        var scenario = new Scenario(fixture);
        await scenario.TechnicianAsync(Department.TechnicalSupport, onShift: false);
        var customer = await scenario.CustomerAsync();

        var first = await scenario.OpenCaseAsync(customer.Id);
        var second = await scenario.OpenCaseAsync(customer.Id);

        Assert.Equal(CaseStatus.New, first.Status);
        Assert.Null(first.AssignedTechnicianId);
        var history = (await scenario.Case(second.Number).ReadAllAsync())!.Value;
        Assert.StartsWith($"position 2 in technical-support/{scenario.Region}", history.Single(e => e.Action == "queued").Details);
        var department = await scenario.Department(Department.TechnicalSupport).GetAsync();
        Assert.Equal(new[] { first.Number, second.Number }, department.Queue.Select(q => q.CaseNumber));
        Assert.Equal(new DepartmentLoad(0, 0, 0, 2), department.Load);
    }

    [Fact]
    public async Task WhenATechnicianComesOnShiftTheQueuedCaseIsAssigned()
    {
        var scenario = new Scenario(fixture);
        var technician = await scenario.TechnicianAsync(Department.TechnicalSupport, onShift: false);
        var customer = await scenario.CustomerAsync();
        var queued = await scenario.OpenCaseAsync(customer.Id);
        Assert.Equal(CaseStatus.New, queued.Status);

        await scenario.Technician(technician).SetShiftAsync(true);

        var assigned = await scenario.WaitForStatusAsync(queued.Number, CaseStatus.Assigned);
        Assert.Equal(technician, assigned.AssignedTechnicianId);
        Assert.Equal(new[] { queued.Number }, await scenario.AssignedCasesAsync(technician));
        Assert.Empty((await scenario.Department(Department.TechnicalSupport).GetAsync()).Queue);
    }

    [Fact]
    public async Task ResolvingACaseFreesCapacityForTheNextQueuedCaseInPriorityOrder()
    {
        var scenario = new Scenario(fixture);
        // A fault weighs 2 units: one at a time.
        var technician = await scenario.TechnicianAsync(Department.TechnicalSupport, capacity: 2);
        var customer = await scenario.CustomerAsync();
        var working = await scenario.OpenCaseAsync(customer.Id);
        var low = await scenario.OpenCaseAsync(customer.Id, priority: CasePriority.Low);
        var urgent = await scenario.OpenCaseAsync(customer.Id, priority: CasePriority.Urgent);
        var normal = await scenario.OpenCaseAsync(customer.Id, priority: CasePriority.Normal);
        Assert.Equal(technician, working.AssignedTechnicianId);
        Assert.Equal(
            [urgent.Number, normal.Number, low.Number],
            (await scenario.Department(Department.TechnicalSupport).GetAsync()).Queue.Select(q => q.CaseNumber));

        await scenario.ApplyAsync(working.Number, CaseAction.Start);
        await scenario.ResolveAsync(working.Number);
        await scenario.WaitForStatusAsync(urgent.Number, CaseStatus.Assigned);

        Assert.Equal(new[] { urgent.Number }, await scenario.AssignedCasesAsync(technician));
        Assert.Equal(CaseStatus.New, (await scenario.Case(normal.Number).GetAsync())!.Status);

        await scenario.ApplyAsync(urgent.Number, CaseAction.Start);
        await scenario.ResolveAsync(urgent.Number);
        await scenario.WaitForStatusAsync(normal.Number, CaseStatus.Assigned);

        Assert.Equal(new[] { normal.Number }, await scenario.AssignedCasesAsync(technician));
        Assert.Equal(
            [low.Number],
            (await scenario.Department(Department.TechnicalSupport).GetAsync()).Queue.Select(q => q.CaseNumber));
    }

    [Fact]
    public async Task CapacityIsNeverExceededAndEveryCaseIsEitherAssignedOrQueued()
    {
        var scenario = new Scenario(fixture);
        var technicians = new[]
        {
            // A maintenance case weighs 3 units: two and three cases.
            await scenario.TechnicianAsync(Department.Maintenance, capacity: 6),
            await scenario.TechnicianAsync(Department.Maintenance, capacity: 9),
        };
        var customer = await scenario.CustomerAsync();

        var cases = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => scenario.OpenCaseAsync(customer.Id, CaseType.Maintenance)));
        // A drain may still be handing over a case queued while a view was behind: settle before reading.
        await scenario.SettleAsync(Department.Maintenance, scenario.Region);

        var held = new List<string>();
        foreach (var (technician, capacity) in technicians.Zip([2, 3]))
        {
            var assignments = await scenario.AssignedCasesAsync(technician);
            Assert.Equal(capacity, assignments.Length);
            held.AddRange(assignments);
        }
        var queued = (await scenario.Department(Department.Maintenance).GetAsync()).Queue.Select(q => q.CaseNumber).ToList();
        Assert.Equal(7, queued.Count);
        Assert.Empty(held.Intersect(queued));
        Assert.Equal(cases.Select(c => c.Number).Order(), held.Concat(queued).Order());
        foreach (var number in held)
        {
            Assert.Equal(CaseStatus.Assigned, (await scenario.Case(number).GetAsync())!.Status);
        }
    }

    [Fact]
    public async Task ACancelledQueuedCaseLeavesTheQueueAndIsNeverAssigned()
    {
        var scenario = new Scenario(fixture);
        var technician = await scenario.TechnicianAsync(Department.TechnicalSupport, capacity: 2, onShift: false);
        var customer = await scenario.CustomerAsync();
        var cancelled = await scenario.OpenCaseAsync(customer.Id, priority: CasePriority.Urgent);
        var waiting = await scenario.OpenCaseAsync(customer.Id, priority: CasePriority.Low);

        var withdrawn = fixture.Calls.Handled(scenario.Department(Department.TechnicalSupport), nameof(IDepartmentGrain.WithdrawAsync));

        var result = await scenario.ApplyAsync(cancelled.Number, CaseAction.Cancel, actor: "agent-7");

        Assert.Equal(CaseStatus.Cancelled, result.Status);
        await withdrawn;
        Assert.Equal([waiting.Number], await scenario.QueueAsync(Department.TechnicalSupport));

        await scenario.Technician(technician).SetShiftAsync(true);

        await scenario.WaitForStatusAsync(waiting.Number, CaseStatus.Assigned);
        Assert.Equal(new[] { waiting.Number }, await scenario.AssignedCasesAsync(technician));
        Assert.Equal(CaseStatus.Cancelled, (await scenario.Case(cancelled.Number).GetAsync())!.Status);
    }

    [Fact]
    public async Task TheDirectoryListsEveryDepartmentOfEveryRegion()
    {
        var scenario = new Scenario(fixture);
        var technician = await scenario.TechnicianAsync(Department.Installation);
        var directory = fixture.Grains.GetGrain<IDepartmentDirectoryGrain>(0);

        var regions = await directory.GetRegionsAsync();
        var all = await directory.ListAsync();

        // A sharded department-region is listed once, its shards merged.
        Assert.Equal(ClusterFixture.TotalRegionCount, regions.Length);
        Assert.Equal(ClusterFixture.TotalRegionCount * DepartmentNames.All.Count, all.Length);
        var mine = Assert.Single(all, d => d.Region == scenario.Region && d.Department == Department.Installation);
        Assert.Equal(technician, Assert.Single(mine.Roster).TechnicianId);
    }
}
