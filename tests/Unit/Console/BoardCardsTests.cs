using AfterSales.Console.Api;
using AfterSales.Console.Boards;

namespace AfterSales.Tests.Unit.Console;

/// <summary>The board's reassignment cards: the case list laid over with the cases read on their own, so a card follows a
/// change before the list (which lags behind the case events) does.</summary>
public sealed class BoardCardsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 14, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Hold = TimeSpan.FromSeconds(30);

    [Fact]
    public void ACaseTheListDoesNotHaveYetGetsACardInItsTechniciansColumn()
    {
        var fresh = new FreshCases(Hold);
        fresh.Remember(Row("AS-2026-000011", "assigned", "T-1", T0), T0);

        var open = fresh.Merge([Row("AS-2026-000001", "inProgress", "T-2", T0.AddHours(-1))], "technical-support", "west", T0);
        var cards = BoardCards.Build(Board(), open);

        Assert.Equal(["AS-2026-000011:T-1:assigned", "AS-2026-000001:T-2:inProgress"], cards.Select(Describe));
    }

    [Fact]
    public void AFresherReadTakesTheRowsPlaceSoTheCardAndTheTableShowTheSameStatus()
    {
        var fresh = new FreshCases(Hold);
        fresh.Remember(Row("AS-2026-000001", "assigned", "T-1", T0), T0);

        var open = fresh.Merge([Row("AS-2026-000001", "inProgress", "T-2", T0.AddMinutes(-5))], "technical-support", "west", T0.AddSeconds(1));

        var only = Assert.Single(open);
        Assert.Equal(("assigned", "T-1"), (only.Status, only.AssigneeId));
        Assert.Equal(["AS-2026-000001:T-1:assigned"], BoardCards.Build(Board(), open).Select(Describe));
    }

    [Fact]
    public void TheListIsTrustedAgainOnceItCatchesUpOrTheHoldLapses()
    {
        var fresh = new FreshCases(Hold);
        fresh.Remember(Row("AS-2026-000001", "assigned", "T-1", T0), T0);
        fresh.Remember(Row("AS-2026-000002", "assigned", "T-1", T0), T0);

        // The list has the first case's change (and a later one); the second's hold lapses with the list still behind.
        var open = fresh.Merge(
            [Row("AS-2026-000001", "inProgress", "T-1", T0.AddSeconds(5)), Row("AS-2026-000002", "new", null, T0.AddMinutes(-1))],
            "technical-support", "west", T0 + Hold);

        Assert.Equal([("inProgress", "T-1"), ("new", (string?)null)], open.Select(c => (c.Status, c.AssigneeId)));
        Assert.Equal(0, fresh.Count);
    }

    [Fact]
    public void ACaseReadClosedOrMovedToAnotherBoardLeavesIt()
    {
        var fresh = new FreshCases(Hold);
        fresh.Remember(Row("AS-2026-000001", "resolved", "T-1", T0), T0);
        fresh.Remember(Row("AS-2026-000002", "new", null, T0) with { Department = "installation" }, T0);

        var open = fresh.Merge(
            [Row("AS-2026-000001", "inProgress", "T-1", T0.AddMinutes(-1)), Row("AS-2026-000002", "new", null, T0.AddMinutes(-1))],
            "technical-support", "west", T0);

        Assert.Empty(open);
    }

    [Fact]
    public void AnOlderReadThatFinishesLastDoesNotUndoANewerOne()
    {
        var fresh = new FreshCases(Hold);
        fresh.Remember(Row("AS-2026-000001", "inProgress", "T-1", T0.AddSeconds(2)), T0);
        fresh.Remember(Row("AS-2026-000001", "assigned", "T-1", T0), T0);

        var open = fresh.Merge([], "technical-support", "west", T0);

        Assert.Equal("inProgress", Assert.Single(open).Status);
    }

    [Fact]
    public void AQueuedCaseGoesToItsTechnicianOnceARowShowsItAssignedAndOtherBoardsTechniciansGetNoCard()
    {
        var board = Board() with { Queue = [new QueuedCase("AS-2026-000003", "high", "fault", T0, null), new QueuedCase("AS-2026-000004", "normal", "fault", T0, null)] };
        var open = new[]
        {
            Row("AS-2026-000003", "assigned", "T-2", T0),
            Row("AS-2026-000004", "new", null, T0),
            Row("AS-2026-000005", "assigned", "T-9", T0),
        };

        Assert.Equal(["AS-2026-000004:queue:new", "AS-2026-000003:T-2:assigned"], BoardCards.Build(board, open).Select(Describe));
    }

    private static string Describe(BoardCase card) => $"{card.Number}:{card.Zone}:{card.Status}";

    private static CaseListItem Row(string number, string status, string? assignee, DateTimeOffset updatedAt) =>
        new(number, "fault", status, "normal", "technical-support", "west", assignee, "C-1", null, "Boiler", updatedAt.AddHours(-2), updatedAt, "ok");

    private static DepartmentBoard Board() => new("technical-support", "west",
        [new RosterEntry("T-1", 4, 1, true, "onShift"), new RosterEntry("T-2", 4, 2, true, "onShift")], [],
        new DepartmentLoad(2, 8, 3, 0, 0.375), new CaseNumberList(0, []), new CaseNumberList(0, []));
}
