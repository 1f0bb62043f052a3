using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Domain.CaseList;

namespace AfterSales.Tests.Unit.Domain.CaseList;

public sealed class CaseListReducerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static CaseFacts Facts(string status, string? assignee = null, string? description = null, DateTimeOffset? resolvedAt = null) =>
        new("fault", "high", "web", status, "C-1", "SN-1", "打印机卡纸", description, "technical-support", "east", assignee, T0, resolvedAt);

    private static string Data(string? from, string? to, string? details, CaseFacts? facts = null) =>
        new CaseEventPayload(from, to, details, facts).Serialize();

    [Fact]
    public void TheFactsOfAWriteSetEveryListField()
    {
        var row = CaseListReducer.Apply(null, "AS-1", 1, T0, CaseEventKinds.Opened,
            Data(null, "new", "fault, high priority, via web; triaged to technical-support/east", Facts("new", description: "卡纸了")));

        Assert.Equal(CaseType.Fault, row.Type);
        Assert.Equal(CasePriority.High, row.Priority);
        Assert.Equal(CaseChannel.Web, row.Channel);
        Assert.Equal(CaseStatus.New, row.Status);
        Assert.Equal(Department.TechnicalSupport, row.Department);
        Assert.Equal("east", row.Region);
        Assert.Equal("C-1", row.CustomerId);
        Assert.Equal("SN-1", row.DeviceSerial);
        Assert.Equal("打印机卡纸", row.Subject);
        Assert.Equal("卡纸了", row.Description);
        Assert.Equal(T0, row.CreatedAt);
        Assert.Equal(1, row.LastSequence);
    }

    [Fact]
    public void ALaterWriteWithoutADescriptionKeepsTheOneOfTheOpeningWrite()
    {
        var opened = CaseListReducer.Apply(null, "AS-1", 1, T0, CaseEventKinds.Opened, Data(null, "new", null, Facts("new", description: "first")));

        var assigned = CaseListReducer.Apply(opened, "AS-1", 2, T0.AddMinutes(1), CaseEventKinds.Assigned,
            Data("new", "assigned", "tech-9", Facts("assigned", assignee: "tech-9")));

        Assert.Equal("first", assigned.Description);
        Assert.Equal("tech-9", assigned.AssigneeId);
        Assert.Equal(CaseStatus.Assigned, assigned.Status);
        Assert.Equal(T0.AddMinutes(1), assigned.UpdatedAt);
        Assert.Equal(T0, assigned.CreatedAt);
    }

    [Fact]
    public void EventsWithoutFactsStillGiveStatusTimesAndWhatTheOpeningTextSays()
    {
        var opened = CaseListReducer.Apply(null, "AS-2", 1, T0, CaseEventKinds.Opened,
            Data(null, "new", "maintenance, low priority, via email; triaged to maintenance/west"));
        var resolved = CaseListReducer.Apply(opened, "AS-2", 2, T0.AddHours(2), "resolve", Data("inProgress", "resolved", "Fixed."));
        var reopened = CaseListReducer.Apply(resolved, "AS-2", 3, T0.AddHours(3), "reopen", Data("resolved", "inProgress", null));

        Assert.Equal(CaseType.Maintenance, opened.Type);
        Assert.Equal(CasePriority.Low, opened.Priority);
        Assert.Equal(CaseChannel.Email, opened.Channel);
        Assert.Equal(Department.Maintenance, opened.Department);
        Assert.Equal("west", opened.Region);
        Assert.Equal("", opened.Subject);
        Assert.Equal(T0.AddHours(2), resolved.ResolvedAt);
        Assert.Equal(CaseStatus.Resolved, resolved.Status);
        Assert.Null(reopened.ResolvedAt);
        Assert.Equal(CaseStatus.InProgress, reopened.Status);
    }

    [Fact]
    public void AnOpeningTextThatDoesNotParseLeavesTheFieldsEmpty()
    {
        var row = CaseListReducer.Apply(null, "AS-3", 1, T0, CaseEventKinds.Opened, Data(null, "new", "something else entirely"));

        Assert.Null(row.Type);
        Assert.Null(row.Department);
        Assert.Equal(CaseStatus.New, row.Status);
    }

    [Fact]
    public void TheSameEventsAlwaysGiveTheSameRow()
    {
        static AfterSales.CaseList.CaseListRow Fold() =>
            CaseListReducer.Apply(
                CaseListReducer.Apply(null, "AS-4", 1, T0, CaseEventKinds.Opened, Data(null, "new", null, Facts("new", description: "d"))),
                "AS-4", 2, T0.AddMinutes(5), "resolve", Data("inProgress", "resolved", "ok", Facts("resolved", "tech-1", resolvedAt: T0.AddMinutes(5))));

        Assert.Equal(Fold(), Fold());
        Assert.Equal(T0.AddMinutes(5), Fold().ResolvedAt);
    }

    [Fact]
    public void PartitionsAreStableAndSpreadCaseNumbers()
    {
        var partitions = Enumerable.Range(1, 1600).Select(i => FeedPartitions.Of($"AS-2026-{i:D6}")).ToArray();

        Assert.Equal(FeedPartitions.Of("AS-2026-000001"), partitions[0]);
        Assert.All(partitions, p => Assert.InRange(p, 0, FeedPartitions.Count - 1));
        Assert.All(partitions.CountBy(p => p), group => Assert.InRange(group.Value, 50, 150));
        Assert.True(FeedPartitions.TryParseKey(FeedPartitions.Key(7), out var seven) && seven == 7);
        Assert.False(FeedPartitions.TryParseKey("p16", out _));
    }

    [Fact]
    public void TheSlaStateOfAWriteSetsTheSlaColumnAndAWriteWithoutItClearsIt()
    {
        var opened = CaseListReducer.Apply(null, "AS-1", 1, T0, CaseEventKinds.Opened, Data(null, "new", null, Facts("new") with { Sla = "ok" }));
        var breached = CaseListReducer.Apply(opened, "AS-1", 2, T0.AddHours(4), CaseEventKinds.SlaBreached,
            Data(null, null, "firstResponse breached; due 2026-03-01T12:00:00.0000000Z", Facts("new") with { Sla = "breached" }));
        var withoutSla = CaseListReducer.Apply(breached, "AS-1", 3, T0.AddHours(5), CaseEventKinds.Note, Data(null, null, "internal note 1", Facts("new")));

        Assert.Equal(("ok", "breached", (string?)null), (opened.SlaState, breached.SlaState, withoutSla.SlaState));
    }
}
