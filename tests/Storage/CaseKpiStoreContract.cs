using System.Text.Json;
using AfterSales.CaseList;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Domain.Kpis;
using AfterSales.Kpis;
using AfterSales.Tests.Storage.Infrastructure;

namespace AfterSales.Tests.Storage;

/// <summary>The case list's KPI columns and sums, run against real SQLite and real PostgreSQL: the SQL must give what
/// <see cref="KpiRowSums"/> (the definition) gives over the same rows.</summary>
public static class CaseKpiStoreContract
{
    private static readonly DateTimeOffset From = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = From.AddDays(14);

    private static DateTimeOffset Day(double days) => From.AddDays(days);

    private static CaseListRow Row(string number, double created, CasePriority priority, string region, string? assignee,
        CaseStatus status = CaseStatus.InProgress, double? resolved = null, CaseKpiFacts? kpi = null, Department department = Department.TechnicalSupport) =>
        new(number, CaseType.Fault, status, priority, CaseChannel.Phone, department, region, assignee, "C-1", null, "Pump", "Leaks.",
            Day(created), Day(created + 0.1), resolved is { } r ? Day(r) : null, null, 3, kpi);

    private static IReadOnlyList<CaseListRow> Rows() =>
    [
        Row("AS-1", 0.25, CasePriority.Urgent, "east", "tech-1", CaseStatus.Resolved, 1.5,
            new CaseKpiFacts(Day(0.3), 0, 1, true, 90, Day(1.2), null, null, 1, 1, 1, 0, Day(2), 0)),
        Row("AS-2", 0.5, CasePriority.Urgent, "east", "tech-2", CaseStatus.Closed, 4.75,
            new CaseKpiFacts(Day(0.6), 1, 2, false, 120, Day(3), Day(0.55), Day(4), 2, 0, 0, 2, Day(5), 1)),
        Row("AS-3", 3, CasePriority.High, "west", "tech-1", kpi: new CaseKpiFacts(Day(3.1), ResolutionBreachedAt: Day(9))),
        Row("AS-4", -20, CasePriority.Normal, "east", null, CaseStatus.New),
        Row("AS-5", 6, CasePriority.Low, "east", null, CaseStatus.Cancelled),
        Row("AS-6", 8.5, CasePriority.Normal, "east", "tech-3", CaseStatus.Resolved, 15, new CaseKpiFacts(Day(8.6), ComplaintCount: 3)),
        Row("AS-7", 9, CasePriority.High, "east", "tech-3", CaseStatus.WaitingForCustomer, kpi: new CaseKpiFacts(ResponseBreachedAt: Day(9.2)),
            department: Department.Installation),
        Row("AS-8", 2, CasePriority.Urgent, "west", "tech-2", CaseStatus.Resolved, 2.5,
            new CaseKpiFacts(Day(2.01), 0, 1, false, 30, Day(2.2), null, null, 1, 1, 0, 1, Day(13.9), 0)),
    ];

    public static async Task KpiFactsRoundTripInTheirColumns(ICaseListStores stores)
    {
        var store = stores.Open(Guid.NewGuid().ToString("N"));
        var row = Rows()[1];

        await store.SaveAsync(0, [new CaseListChange(row, TextChanged: true)], checkpoint: null);

        Assert.Equal(row, (await store.ReadRowsAsync([row.Number]))[row.Number]);
    }

    public static async Task SumsGiveTheFiguresOfTheDefinitionForEveryScope(ICaseListStores stores)
    {
        var store = stores.Open(Guid.NewGuid().ToString("N"));
        var rows = Rows();
        await store.SaveAsync(1, [.. rows.Select(r => new CaseListChange(r, TextChanged: true))], checkpoint: null);
        // Another service's rows never count.
        await stores.Open(Guid.NewGuid().ToString("N")).SaveAsync(1, [new CaseListChange(rows[0], TextChanged: true)], checkpoint: null);
        await AssertSumsAsync(store, rows);
        var first = KpiFigures.Report(Queries[0], await store.SumKpisAsync(Queries[0]), new ProjectionProgress(0, 0));
        Assert.Equal(4, first.Backlog.Total);
        Assert.Equal(new KpiMttr(3, 48), first.Mttr);
        Assert.Equal(new KpiRatio(4, 6, 66.67), first.Sla.Single(s => s.Priority == "all").Response);
        Assert.Equal(new KpiRatio(4, 7, 57.14), first.Complaints);
    }

    /// <summary>Rows rewritten with other facts, dimensions and status, some removed by a partition reset: the sums
    /// follow the rows as they are now (the day buckets move each row's contribution with it).</summary>
    public static async Task SumsFollowRowsThatChangeAndRowsThatAreRemoved(ICaseListStores stores)
    {
        var store = stores.Open(Guid.NewGuid().ToString("N"));
        var rows = Rows();
        await store.SaveAsync(1, [.. rows.Take(5).Select(r => new CaseListChange(r, TextChanged: true))], checkpoint: null);
        await store.SaveAsync(2, [.. rows.Skip(5).Select(r => new CaseListChange(r, TextChanged: true))], checkpoint: null);
        CaseListRow[] changed =
        [
            // Reopened (resolution cleared), moved to another region and priority.
            rows[0] with { Status = CaseStatus.InProgress, ResolvedAt = null, Region = "west", Priority = CasePriority.High, LastSequence = 9,
                Kpi = rows[0].Kpi! with { ReopenCount = 1 } },
            // Resolved now, with a breach, a survey and a visit.
            rows[2] with { Status = CaseStatus.Resolved, ResolvedAt = Day(10.5), LastSequence = 9,
                Kpi = rows[2].Kpi! with { VisitCount = 1, FirstVisitFixed = true, VisitMinutes = 40, LastVisitAt = Day(10), SurveyAnswers = 1,
                    SurveySatisfied = 1, NpsPromoters = 1, LastSurveyAt = Day(11), ResponseBreachedAt = Day(3.05) } },
            // Cancelled: leaves the backlog.
            rows[3] with { Status = CaseStatus.Cancelled, LastSequence = 9 },
            // An older version arriving late changes nothing.
            rows[1] with { Priority = CasePriority.Low, LastSequence = 2 },
        ];
        await store.SaveAsync(1, [.. changed.Select(r => new CaseListChange(r, TextChanged: false))], checkpoint: null);
        await store.ResetAsync(2);

        var now = new[] { changed[0], rows[1], changed[1], changed[2], rows[4] };
        await AssertSumsAsync(store, now);
    }

    /// <summary>Eight partitions writing at once, each batch adding to the same sixteen KPI buckets, half of them in the
    /// opposite order: every batch applies (PostgreSQL aborted such batches as deadlocks until the service's batches
    /// took turns) and the sums count every row once.</summary>
    public static async Task PartitionsAddingToTheSameBucketsAtOnceAllApplyAndCountEveryRow(ICaseListStores stores)
    {
        var store = stores.Open(Guid.NewGuid().ToString("N"));
        var buckets = (from region in new[] { "east", "west", "north", "south" }
                       from priority in Enum.GetValues<CasePriority>()
                       select (Region: region, Priority: priority)).ToArray();
        var written = new System.Collections.Concurrent.ConcurrentBag<CaseListRow>();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(partition => Task.Run(async () =>
        {
            var order = partition % 2 == 0 ? buckets : [.. buckets.Reverse()];
            for (var round = 0; round < 10; round++)
            {
                CaseListRow[] rows = [.. order.Select((b, i) => Row($"AS-{partition}-{round}-{i}", 0.25 + (0.01 * i), b.Priority, b.Region, null, CaseStatus.New))];
                await store.SaveAsync(partition, [.. rows.Select(r => new CaseListChange(r, TextChanged: false))], checkpoint: round + 1);
                foreach (var row in rows)
                {
                    written.Add(row);
                }
            }
        })));

        Assert.Equal(8 * 10 * buckets.Length, written.Count);
        await AssertSumsAsync(store, [.. written]);
    }

    private static readonly KpiQuery[] Queries =
    [
        new(From, To, GroupBy: KpiGrouping.Day),
        new(From.AddHours(13), To.AddDays(-3), Region: "east", GroupBy: KpiGrouping.Week),
        new(From, To, Department: Department.TechnicalSupport, Region: "west"),
        new(From.AddDays(-30), From),
        new(From.AddDays(1), To.AddDays(-2), Region: "east", GroupBy: KpiGrouping.Week),
        new(From.AddDays(3), From.AddDays(9), Department: Department.TechnicalSupport, GroupBy: KpiGrouping.Day),
        new(From.AddDays(2), From.AddDays(12), Region: "west", GroupBy: KpiGrouping.Day),
    ];

    /// <summary>Each query's figures from the store equal the definition's over <paramref name="rows"/>.</summary>
    private static async Task AssertSumsAsync(ICaseListStore store, IReadOnlyList<CaseListRow> rows)
    {
        var progress = new ProjectionProgress(0, 0);
        foreach (var query in Queries)
        {
            var stored = KpiFigures.Report(query, await store.SumKpisAsync(query), progress);
            var defined = KpiFigures.Report(query, KpiRowSums.Sum(rows, query), progress);
            Assert.Equal(JsonSerializer.Serialize(defined), JsonSerializer.Serialize(stored));
        }
    }
}

public sealed class SqliteCaseKpiStoreTests(SqliteCaseListStores stores) : IClassFixture<SqliteCaseListStores>
{
    [Fact] public Task KpiFactsRoundTripInTheirColumns() => CaseKpiStoreContract.KpiFactsRoundTripInTheirColumns(stores);
    [Fact] public Task SumsGiveTheFiguresOfTheDefinitionForEveryScope() => CaseKpiStoreContract.SumsGiveTheFiguresOfTheDefinitionForEveryScope(stores);
    [Fact] public Task SumsFollowRowsThatChangeAndRowsThatAreRemoved() => CaseKpiStoreContract.SumsFollowRowsThatChangeAndRowsThatAreRemoved(stores);
    [Fact] public Task PartitionsAddingToTheSameBucketsAtOnceAllApplyAndCountEveryRow() => CaseKpiStoreContract.PartitionsAddingToTheSameBucketsAtOnceAllApplyAndCountEveryRow(stores);
}

public sealed class PostgresCaseKpiStoreTests(PostgresCaseListStores stores) : IClassFixture<PostgresCaseListStores>
{
    [PostgresFact] public Task KpiFactsRoundTripInTheirColumns() => CaseKpiStoreContract.KpiFactsRoundTripInTheirColumns(stores);
    [PostgresFact] public Task SumsGiveTheFiguresOfTheDefinitionForEveryScope() => CaseKpiStoreContract.SumsGiveTheFiguresOfTheDefinitionForEveryScope(stores);
    [PostgresFact] public Task SumsFollowRowsThatChangeAndRowsThatAreRemoved() => CaseKpiStoreContract.SumsFollowRowsThatChangeAndRowsThatAreRemoved(stores);
    [PostgresFact] public Task PartitionsAddingToTheSameBucketsAtOnceAllApplyAndCountEveryRow() => CaseKpiStoreContract.PartitionsAddingToTheSameBucketsAtOnceAllApplyAndCountEveryRow(stores);
}
