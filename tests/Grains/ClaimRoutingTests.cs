using System.Collections.Immutable;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Departments;
using AfterSales.Technicians;
using AfterSales.Tests.Grains.Infrastructure;

namespace AfterSales.Tests.Grains;

/// <summary>The department decides and reserves, the case claims at the technician (<see cref="CaseRouter"/>).</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClaimRoutingTests(ClusterFixture fixture)
{
    [Fact]
    public async Task AnOfferReservesTheWeightSoTheNextDecisionPicksAnotherTechnician()
    {
        var scenario = new Scenario(fixture);
        var a = await scenario.TechnicianAsync(Department.TechnicalSupport, capacity: 4);
        var b = await scenario.TechnicianAsync(Department.TechnicalSupport, capacity: 4);
        var department = scenario.Department(Department.TechnicalSupport);

        var first = await department.DecideAsync(Ticket(), []);
        var second = await department.DecideAsync(Ticket(), []);

        Assert.True(first.Offered);
        Assert.True(second.Offered);
        Assert.Equal(new[] { a, b }.Order(), new[] { first.TechnicianId!, second.TechnicianId! }.Order());
        var roster = (await department.GetAsync()).Roster;
        Assert.All(roster, t => Assert.Equal(2, t.Load));
        // Nothing was claimed: the technicians themselves hold nothing.
        Assert.Empty(await scenario.AssignedCasesAsync(a));
        Assert.Empty(await scenario.AssignedCasesAsync(b));
    }

    [Fact]
    public async Task ARefusedClaimIsRoutedToTheNextTechnicianAndTheDecisionSaysWhy()
    {
        var scenario = new Scenario(fixture);
        var a = await scenario.TechnicianAsync(Department.TechnicalSupport, capacity: 4);
        var b = await scenario.TechnicianAsync(Department.TechnicalSupport, capacity: 4);
        var department = scenario.Department(Department.TechnicalSupport);
        var ticket = Ticket();
        // The department offers the case to one of them; before the claim arrives that one steps away.
        var offered = (await department.DecideAsync(ticket, [])).TechnicianId!;
        var other = offered == a ? b : a;
        await scenario.PresenceAsync(offered, Presence.Away);

        var outcome = await CaseRouter.RouteAsync(fixture.Grains, department, ticket);

        Assert.Equal(other, outcome.TechnicianId);
        Assert.Equal(other, outcome.Decision!.ChosenTechnicianId);
        Assert.Equal("refused: away", outcome.Decision.Candidates.Single(c => c.TechnicianId == offered).Note);
        Assert.Equal([ticket.CaseNumber], await scenario.AssignedCasesAsync(other));
        Assert.Empty(await scenario.AssignedCasesAsync(offered));
        // The refused technician's reservation is gone: the view shows its own load (0), the other's claim (2).
        var roster = (await department.GetAsync()).Roster.ToDictionary(t => t.TechnicianId);
        Assert.Equal(0, roster[offered].Load);
        Assert.Equal(2, roster[other].Load);
    }

    [Fact]
    public async Task ACaseRefusedByEveryTechnicianInARowIsQueued()
    {
        var scenario = new Scenario(fixture);
        var department = scenario.Department(Department.TechnicalSupport);
        var technicians = new List<string>();
        for (var i = 0; i < DepartmentGrain.MaxOffersPerCase; i++)
        {
            technicians.Add(await scenario.TechnicianAsync(Department.TechnicalSupport, capacity: 4));
        }
        var ticket = Ticket();
        var refusals = ImmutableArray<ClaimRefusal>.Empty;
        foreach (var technician in technicians)
        {
            var status = (await scenario.Technician(technician).GetStatusAsync())!;
            refusals = refusals.Add(new ClaimRefusal(technician, "away", status));
        }

        var offer = await department.DecideAsync(ticket, refusals);

        Assert.False(offer.Offered);
        Assert.Equal(1, offer.QueuePosition);
        Assert.Equal($"{DepartmentGrain.MaxOffersPerCase} technicians refused it in a row", offer.Reason);
        Assert.Equal([ticket.CaseNumber], await scenario.QueueAsync(Department.TechnicalSupport));
        await department.WithdrawAsync(ticket.CaseNumber);
    }

    [Fact]
    public async Task ALostConfirmationHoldsNoCapacityPastTheReservationLifetime()
    {
        var scenario = new Scenario(fixture);
        var technician = await scenario.TechnicianAsync(Department.TechnicalSupport, capacity: 2);
        var department = scenario.Department(Department.TechnicalSupport);
        // Decided and reserved, but never claimed nor confirmed (the caller died).
        Assert.Equal(technician, (await department.DecideAsync(Ticket(), [])).TechnicianId);
        Assert.Equal(2, (await department.GetAsync()).Load.InUse);

        fixture.Clock.Advance(DepartmentGrain.ReservationLifetime);
        var opened = await scenario.OpenForNewCustomerAsync();

        Assert.Equal(technician, opened.AssignedTechnicianId);
        Assert.Equal([opened.Number], await scenario.AssignedCasesAsync(technician));
    }

    [Fact]
    public async Task ANewerStatusPushedByTheTechnicianSupersedesAnUnconfirmedReservation()
    {
        var scenario = new Scenario(fixture);
        var technician = await scenario.TechnicianAsync(Department.TechnicalSupport, capacity: 4);
        var department = scenario.Department(Department.TechnicalSupport);
        Assert.Equal(technician, (await department.DecideAsync(Ticket(), [])).TechnicianId);
        Assert.Equal(2, (await department.GetAsync()).Load.InUse);

        // Any change the technician pushes carries its own load, which counts only what it accepted.
        var pushed = fixture.Calls.Handled<TechnicianStatus>(department, nameof(IDepartmentGrain.TechnicianUpdatedAsync), s => s.Capacity == 5);
        Assert.True((await scenario.Technician(technician).UpdateAsync(new UpdateTechnicianRequest(null, 5))).IsSuccess);
        await pushed;

        var load = await department.GetAsync();
        Assert.Equal((5, 0), (load.Load.Capacity, load.Load.InUse));
    }

    [Fact]
    public async Task ConcurrentCasesInOneDepartmentNeverExceedATechniciansCapacity()
    {
        var scenario = new Scenario(fixture);
        // A fault weighs 2 units: three technicians with 4 units each take six cases in all.
        var technicians = new[]
        {
            await scenario.TechnicianAsync(Department.TechnicalSupport, capacity: 4),
            await scenario.TechnicianAsync(Department.TechnicalSupport, capacity: 4),
            await scenario.TechnicianAsync(Department.TechnicalSupport, capacity: 4),
        };
        var customers = new List<string>();
        for (var i = 0; i < 16; i++)
        {
            customers.Add((await scenario.CustomerAsync()).Id);
        }

        var opened = await Task.WhenAll(customers.Select(c => scenario.OpenCaseAsync(c)));

        // A drain may still hand a queued case to a technician whose view was behind: settle the department, which
        // re-reads the technicians and drains now, so nothing is left to move.
        await scenario.SettleAsync(Department.TechnicalSupport, scenario.Region);
        var queue = await scenario.QueueAsync(Department.TechnicalSupport);
        Assert.Equal(10, queue.Length);
        var holders = new Dictionary<string, string>();
        foreach (var technician in technicians)
        {
            var snapshot = (await scenario.Technician(technician).GetAsync())!;
            Assert.Equal(4, snapshot.Load);
            Assert.Equal(snapshot.Capacity, snapshot.Load);
            foreach (var assignment in snapshot.Assignments)
            {
                holders.Add(assignment.CaseNumber, technician);
            }
        }
        Assert.Equal(6, holders.Count);
        foreach (var number in opened.Select(c => c.Number))
        {
            var current = (await scenario.Case(number).GetAsync())!;
            if (holders.TryGetValue(number, out var holder))
            {
                Assert.Equal(CaseStatus.Assigned, current.Status);
                Assert.Equal(holder, current.AssignedTechnicianId);
                Assert.DoesNotContain(number, queue);
            }
            else
            {
                Assert.Equal(CaseStatus.New, current.Status);
                Assert.Null(current.AssignedTechnicianId);
                Assert.Single(queue, number);
            }
        }
    }

    private static CaseTicket Ticket() =>
        new(Scenario.NewId("CLAIM"), CaseType.Fault, CasePriority.Normal, 2, Scenario.NewId("C"), DateTimeOffset.UtcNow);
}
