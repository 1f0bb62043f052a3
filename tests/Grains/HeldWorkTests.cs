using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Technicians;
using AfterSales.Tests.Grains.Infrastructure;

namespace AfterSales.Tests.Grains;

/// <summary>A technician's status shows the oldest <see cref="TechnicianStatus.MaxHeldShown"/> cases it holds, in
/// assignment order (then case number), whatever order assignments and releases come in.</summary>
[Collection(ClusterCollection.Name)]
public sealed class HeldWorkTests(ClusterFixture fixture)
{
    [Fact]
    public async Task TheStatusShowsTheOldestHeldCasesThroughAdditionsAndReleases()
    {
        var scenario = new Scenario(fixture);
        var id = await scenario.TechnicianAsync(Department.TechnicalSupport, capacity: 1000);
        var technician = scenario.Technician(id);
        var prefix = "H" + Guid.NewGuid().ToString("N")[..8];
        // The test's clock stands still, so every assignment has the same time and the case number orders them.
        foreach (var i in Enumerable.Range(0, 70))
        {
            Assert.True((await technician.TryAssignAsync(Offer($"{prefix}-M{i:D3}"))).Accepted);
        }
        await AssertShowsOldestAsync(technician, expectedLoad: 70);

        await technician.ReleaseAsync($"{prefix}-M000");
        await AssertShowsOldestAsync(technician, expectedLoad: 69);

        // Sorts before everything held: it must appear first, not be left out.
        Assert.True((await technician.TryAssignAsync(Offer($"{prefix}-A000"))).Accepted);
        var status = await AssertShowsOldestAsync(technician, expectedLoad: 70);
        Assert.Equal($"{prefix}-A000", status.Held[0].CaseNumber);

        // Sorts after everything held: the shown cases stay the same.
        Assert.True((await technician.TryAssignAsync(Offer($"{prefix}-Z000"))).Accepted);
        var after = await AssertShowsOldestAsync(technician, expectedLoad: 71);
        Assert.Equal(status.Held.Select(h => h.CaseNumber), after.Held.Select(h => h.CaseNumber));
        Assert.DoesNotContain(after.Held, h => h.CaseNumber == $"{prefix}-Z000");
    }

    [Fact]
    public async Task BelowTheLimitEveryHeldCaseIsShown()
    {
        var scenario = new Scenario(fixture);
        var id = await scenario.TechnicianAsync(Department.TechnicalSupport, capacity: 1000);
        var technician = scenario.Technician(id);
        var prefix = "H" + Guid.NewGuid().ToString("N")[..8];

        foreach (var number in new[] { "M1", "M2", "A1", "Z1" })
        {
            Assert.True((await technician.TryAssignAsync(Offer($"{prefix}-{number}"))).Accepted);
        }

        var status = await AssertShowsOldestAsync(technician, expectedLoad: 4);
        Assert.Equal(["A1", "M1", "M2", "Z1"], status.Held.Select(h => h.CaseNumber[(prefix.Length + 1)..]));
    }

    private static AssignmentOffer Offer(string number) => new(number, CaseType.Consultation, CasePriority.Normal, 1, "C-none");

    private static async Task<TechnicianStatus> AssertShowsOldestAsync(ITechnicianGrain technician, int expectedLoad)
    {
        var status = (await technician.GetStatusAsync())!;
        var oldest = (await technician.GetAssignmentsAsync()).Take(TechnicianStatus.MaxHeldShown).Select(a => a.CaseNumber);
        Assert.Equal(oldest, status.Held.Select(h => h.CaseNumber));
        Assert.Equal(expectedLoad, status.Load);
        return status;
    }
}
