using System.Collections.Immutable;
using AfterSales.Domain.CaseList;
using AfterSales.Domain.Live;
using AfterSales.Persistence;

namespace AfterSales.Tests.Unit.Domain;

public sealed class CaseChangesTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AChangeTakesItsPlacementFromTheFactsOfTheWritesLastEvent()
    {
        var changes = new CaseChanges();

        var change = changes.Of("AS-1", [Event(1, "opened", null), Event(2, "assigned", Facts("maintenance", "west", "assigned"))]);

        Assert.Equal(new AfterSales.Live.CaseChange("AS-1", 2, "assigned", At, "assigned", "maintenance", "west"), change);
    }

    [Fact]
    public void AMoveNamesTheBoardTheCaseLeft()
    {
        var changes = new CaseChanges();
        changes.Of("AS-1", [Event(2, "assigned", Facts("maintenance", "west", "assigned"))]);

        var moved = changes.Of("AS-1", [Event(3, "transferred", Facts("technical-support", "west", "new"))])!;

        Assert.Equal(("technical-support", "west", "maintenance", "west"), (moved.Department, moved.Region, moved.PreviousDepartment, moved.PreviousRegion));
        Assert.True(moved.Concerns("maintenance", "west"));
        Assert.True(moved.Concerns("technical-support", "west"));
        Assert.False(moved.Concerns("maintenance", "north"));
    }

    [Fact]
    public void AWriteWithoutFactsKeepsTheLastKnownPlacement()
    {
        var changes = new CaseChanges();
        changes.Of("AS-1", [Event(2, "assigned", Facts("maintenance", "west", "assigned"))]);

        var change = changes.Of("AS-1", [Event(3, "noted", null)])!;

        Assert.Equal(("maintenance", "west", null), (change.Department, change.Region, change.PreviousDepartment));
    }

    [Fact]
    public void PlacementsAreBounded()
    {
        var changes = new CaseChanges(capacity: 1);
        changes.Of("AS-1", [Event(1, "assigned", Facts("maintenance", "west", "assigned"))]);
        changes.Of("AS-2", [Event(1, "assigned", Facts("maintenance", "west", "assigned"))]);

        // AS-1 was forgotten: its move is not told, its new placement still is.
        var moved = changes.Of("AS-1", [Event(2, "transferred", Facts("installation", "west", "new"))])!;

        Assert.Equal(("installation", null), (moved.Department, moved.PreviousDepartment));
    }

    [Fact]
    public void NoEventsMakeNoChange() => Assert.Null(new CaseChanges().Of("AS-1", []));

    private static CaseFacts Facts(string department, string region, string status) =>
        new("fault", "normal", "phone", status, "C-1", null, "Subject", null, department, region, null, At, null);

    private static JournalEvent Event(long sequence, string kind, CaseFacts? facts) =>
        new(Guid.NewGuid(), sequence, At, "system", kind, new CaseEventPayload(null, facts?.Status, null, facts).Serialize());
}
