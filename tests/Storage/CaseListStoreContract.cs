using AfterSales.CaseList;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Domain.CaseList;
using AfterSales.Tests.Storage.Infrastructure;

namespace AfterSales.Tests.Storage;

/// <summary>What every case-list store does, run against real SQLite and real PostgreSQL.</summary>
public static class CaseListStoreContract
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static CaseListRow Row(string number, int minutes, CaseStatus status = CaseStatus.New, CasePriority priority = CasePriority.Normal,
        string subject = "Pump leaks", string description = "Water under the unit.", long sequence = 1, string region = "east") =>
        new(number, CaseType.Fault, status, priority, CaseChannel.Web, Department.TechnicalSupport, region, null, "C-1", null,
            subject, description, T0.AddMinutes(minutes), T0.AddMinutes(minutes + 1), null, null, sequence);

    private static Task SaveAsync(ICaseListStore store, params CaseListRow[] rows) =>
        store.SaveAsync(0, [.. rows.Select(r => new CaseListChange(r, TextChanged: true))], checkpoint: null);

    private static async Task<string[]> NumbersAsync(ICaseListStore store, CaseListQuery query) =>
        [.. (await store.QueryAsync(query)).Rows.Select(r => r.Number)];

    public static async Task StoresRowsAndReadsThemBackExactly(ICaseListStores stores)
    {
        var store = stores.Open(Guid.NewGuid().ToString("N"));
        var row = Row("AS-1", 0) with { AssigneeId = "tech-1", DeviceSerial = "SN-9", ResolvedAt = T0.AddHours(3) };

        await SaveAsync(store, row, Row("AS-2", 5));
        var read = await store.ReadRowsAsync(["AS-1", "AS-3"]);

        Assert.Equal(row, Assert.Single(read).Value);
    }

    public static async Task AnOlderVersionOfARowNeverOverwritesANewerOne(ICaseListStores stores)
    {
        var store = stores.Open(Guid.NewGuid().ToString("N"));
        await SaveAsync(store, Row("AS-1", 0, CaseStatus.InProgress, sequence: 5));

        await SaveAsync(store, Row("AS-1", 0, CaseStatus.New, sequence: 4));

        Assert.Equal(CaseStatus.InProgress, (await store.ReadRowsAsync(["AS-1"]))["AS-1"].Status);
    }

    public static async Task FiltersSortAndPagesWithoutSkippingOrRepeating(ICaseListStores stores)
    {
        var store = stores.Open(Guid.NewGuid().ToString("N"));
        await SaveAsync(store,
            Row("AS-1", 0, priority: CasePriority.Low), Row("AS-2", 1, CaseStatus.Assigned, CasePriority.Urgent),
            Row("AS-3", 2, region: "west"), Row("AS-4", 3, CaseStatus.Resolved, CasePriority.High), Row("AS-5", 3));

        var byStatus = await NumbersAsync(store, new CaseListQuery { Statuses = [CaseStatus.New, CaseStatus.Resolved] });
        var byRegionAndPriority = await NumbersAsync(store, new CaseListQuery { Regions = ["east"], Priorities = [CasePriority.Normal, CasePriority.Low] });
        var byPriority = await NumbersAsync(store, new CaseListQuery { Sort = CaseListSort.Priority, Descending = false });
        var pages = new List<string>();
        var query = new CaseListQuery { Limit = 2, Descending = false };
        while (true)
        {
            var page = await store.QueryAsync(query);
            pages.AddRange(page.Rows.Select(r => r.Number));
            if (page.Next is null)
            {
                break;
            }
            // A row added before the cursor and a row changed elsewhere do not disturb the walk.
            await SaveAsync(store, Row("AS-0" + pages.Count, -10));
            query = query with { After = page.Next };
        }

        Assert.Equal(["AS-5", "AS-4", "AS-3", "AS-1"], byStatus);
        Assert.Equal(["AS-5", "AS-1"], byRegionAndPriority);
        Assert.Equal(["AS-2", "AS-4", "AS-3", "AS-5", "AS-1"], byPriority);
        Assert.Equal(["AS-1", "AS-2", "AS-3", "AS-4", "AS-5"], pages);
    }

    public static async Task FindsChineseAndEnglishTextOfAnyLengthAndFollowsAChangedSubject(ICaseListStores stores)
    {
        var store = stores.Open(Guid.NewGuid().ToString("N"));
        await SaveAsync(store,
            Row("AS-1", 0, subject: "打印机卡纸", description: "第二个纸盒"),
            Row("AS-2", 1, subject: "Printer 50% slower", description: "since_update"),
            Row("AS-3", 2, subject: "空调不制冷", description: "室外机异响"));

        Task<string[]> Search(params string[] words) => NumbersAsync(store, new CaseListQuery { Words = [.. words], Descending = false });

        Assert.Equal(["AS-1"], await Search("打印机"));
        Assert.Equal(["AS-1"], await Search("纸盒"));
        Assert.Equal(["AS-3"], await Search("冷"));
        Assert.Equal(["AS-2"], await Search("printer", "50%"));
        Assert.Equal(["AS-2"], await Search("e_u"));
        // % and _ are the characters themselves, not LIKE wildcards.
        Assert.Equal(["AS-2"], await Search("%"));
        Assert.Empty(await Search("0%s"));
        Assert.Empty(await Search("e_s"));
        Assert.Empty(await Search("打印机", "空调"));

        await store.SaveAsync(0, [new CaseListChange(Row("AS-1", 0, subject: "复印机故障", description: "", sequence: 2), TextChanged: true)], null);

        Assert.Empty(await Search("打印机"));
        Assert.Equal(["AS-1"], await Search("复印机"));
    }

    public static async Task AResetForgetsOnePartitionsRowsAndCheckpointOnly(ICaseListStores stores)
    {
        var store = stores.Open(Guid.NewGuid().ToString("N"));
        await store.SaveAsync(3, [new CaseListChange(Row("AS-1", 0), true)], checkpoint: 40);
        await store.SaveAsync(4, [new CaseListChange(Row("AS-2", 0), true)], checkpoint: 50);

        await store.ResetAsync(3);

        Assert.Equal(["AS-2"], (await store.ReadRowsAsync(["AS-1", "AS-2"])).Keys);
        Assert.Equal(0, await store.ReadCheckpointAsync(3));
        Assert.Equal(50, await store.ReadCheckpointAsync(4));
        Assert.Empty((await store.QueryAsync(new CaseListQuery { Words = ["Pump"] })).Rows.Where(r => r.Number == "AS-1"));
    }

    public static async Task ProgressIsTheLowestCheckpointOnceEveryPartitionHasOne(ICaseListStores stores)
    {
        var store = stores.Open(Guid.NewGuid().ToString("N"));
        for (var p = 0; p < FeedPartitions.Count - 1; p++)
        {
            await store.SaveAsync(p, [], checkpoint: 100 + p);
        }
        var partial = await store.ReadProgressAsync();
        await store.SaveAsync(FeedPartitions.Count - 1, [], checkpoint: 90);

        Assert.Equal(0, partial.Position);
        Assert.Equal(90, (await store.ReadProgressAsync()).Position);
    }

    public static async Task TheSchemaCanBeAppliedTwice(ICaseListStores stores)
    {
        var store = stores.Open(Guid.NewGuid().ToString("N"));
        await SaveAsync(store, Row("AS-1", 0));

        await stores.MigrateAgainAsync();

        Assert.Single(await store.ReadRowsAsync(["AS-1"]));
    }
}

public sealed class SqliteCaseListStoreTests(SqliteCaseListStores stores) : IClassFixture<SqliteCaseListStores>
{
    [Fact] public Task StoresRowsAndReadsThemBackExactly() => CaseListStoreContract.StoresRowsAndReadsThemBackExactly(stores);
    [Fact] public Task AnOlderVersionOfARowNeverOverwritesANewerOne() => CaseListStoreContract.AnOlderVersionOfARowNeverOverwritesANewerOne(stores);
    [Fact] public Task FiltersSortAndPagesWithoutSkippingOrRepeating() => CaseListStoreContract.FiltersSortAndPagesWithoutSkippingOrRepeating(stores);
    [Fact] public Task FindsChineseAndEnglishTextOfAnyLengthAndFollowsAChangedSubject() => CaseListStoreContract.FindsChineseAndEnglishTextOfAnyLengthAndFollowsAChangedSubject(stores);
    [Fact] public Task AResetForgetsOnePartitionsRowsAndCheckpointOnly() => CaseListStoreContract.AResetForgetsOnePartitionsRowsAndCheckpointOnly(stores);
    [Fact] public Task ProgressIsTheLowestCheckpointOnceEveryPartitionHasOne() => CaseListStoreContract.ProgressIsTheLowestCheckpointOnceEveryPartitionHasOne(stores);
    [Fact] public Task TheSchemaCanBeAppliedTwice() => CaseListStoreContract.TheSchemaCanBeAppliedTwice(stores);
}

public sealed class PostgresCaseListStoreTests(PostgresCaseListStores stores) : IClassFixture<PostgresCaseListStores>
{
    [PostgresFact] public Task StoresRowsAndReadsThemBackExactly() => CaseListStoreContract.StoresRowsAndReadsThemBackExactly(stores);
    [PostgresFact] public Task AnOlderVersionOfARowNeverOverwritesANewerOne() => CaseListStoreContract.AnOlderVersionOfARowNeverOverwritesANewerOne(stores);
    [PostgresFact] public Task FiltersSortAndPagesWithoutSkippingOrRepeating() => CaseListStoreContract.FiltersSortAndPagesWithoutSkippingOrRepeating(stores);
    [PostgresFact] public Task FindsChineseAndEnglishTextOfAnyLengthAndFollowsAChangedSubject() => CaseListStoreContract.FindsChineseAndEnglishTextOfAnyLengthAndFollowsAChangedSubject(stores);
    [PostgresFact] public Task AResetForgetsOnePartitionsRowsAndCheckpointOnly() => CaseListStoreContract.AResetForgetsOnePartitionsRowsAndCheckpointOnly(stores);
    [PostgresFact] public Task ProgressIsTheLowestCheckpointOnceEveryPartitionHasOne() => CaseListStoreContract.ProgressIsTheLowestCheckpointOnceEveryPartitionHasOne(stores);
    [PostgresFact] public Task TheSchemaCanBeAppliedTwice() => CaseListStoreContract.TheSchemaCanBeAppliedTwice(stores);
}
