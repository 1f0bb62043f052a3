using AfterSales.Audit;
using AfterSales.Customers;
using AfterSales.Tests.Grains.Infrastructure;

namespace AfterSales.Tests.Grains;

/// <summary>The audit record's shard grains and its reader: appends are durable and never change an entry, pages run
/// newest first across shards and hours without gaps or repeats, and the record survives deactivation.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AuditLogTests(ClusterFixture fixture)
{
    // A far-off year per test run, so no other test's entries fall in the hours read here.
    private static readonly DateTimeOffset Base = new DateTimeOffset(2031, 3, 1, 10, 0, 0, TimeSpan.Zero).AddDays(Random.Shared.Next(0, 3000));

    private static AuditEntry Entry(DateTimeOffset at, string targetId, string actor = "u-1", int status = 201) =>
        new(Guid.CreateVersion7(at).ToString("N"), at, actor, AuditPrincipal.User, "CreateCase", "POST", "cases", targetId, status,
            Guid.NewGuid().ToString("N"), null);

    private async Task AppendAsync(AuditEntry entry) =>
        await fixture.Grains.GetGrain<IAuditLogGrain>(AuditKeys.LogOf(entry)).AppendAsync(entry);

    private Task<AuditPage> ReadAsync(AuditQuery query) => fixture.Grains.GetGrain<IAuditReaderGrain>(0).ReadAsync(query);

    [Fact]
    public async Task PagesRunNewestFirstAcrossShardsAndHoursWithoutGapsOrRepeats()
    {
        var start = Base.AddHours(1);
        var target = Scenario.NewId("AS");
        // 30 entries over three hours, spread over the shards by their ids.
        var entries = Enumerable.Range(0, 30).Select(i => Entry(start.AddMinutes(i * 7), target)).ToList();
        await Task.WhenAll(entries.Select(AppendAsync));
        Assert.True(entries.Select(e => AuditKeys.ShardOf(e.Id)).Distinct().Count() > 1);

        var query = new AuditQuery(start, start.AddHours(4), null, null, target, null, 7, null);
        var read = new List<AuditEntry>();
        for (var page = await ReadAsync(query); ; page = await ReadAsync(query with { Before = page.Next }))
        {
            Assert.True(page.Entries.Length <= 7);
            read.AddRange(page.Entries);
            if (page.Next is null)
            {
                break;
            }
        }

        Assert.Equal(entries.OrderByDescending(e => e.At).Select(e => e.Id), read.Select(e => e.Id));
    }

    [Fact]
    public async Task FiltersAndTheRangeSelectExactlyTheMatchingEntries()
    {
        var start = Base.AddHours(6);
        var target = Scenario.NewId("AS");
        var mine = Entry(start.AddMinutes(5), target, actor: "admin-7", status: 409);
        var other = Entry(start.AddMinutes(6), target, actor: "agent-2");
        var early = Entry(start.AddMinutes(-1), target, actor: "admin-7");
        foreach (var entry in new[] { mine, other, early })
        {
            await AppendAsync(entry);
        }

        var page = await ReadAsync(new AuditQuery(start, start.AddHours(1), "admin-7", "cases", target, "CreateCase", 10, null));

        Assert.Equal(mine, Assert.Single(page.Entries));
        Assert.Equal(AuditOutcome.ClientError, page.Entries[0].Outcome);
        Assert.Null(page.Next);
    }

    [Fact]
    public async Task AnAppendedEntryIsNeverChangedByAnotherWithItsIdAndSurvivesDeactivation()
    {
        var at = Base.AddHours(9);
        var target = Scenario.NewId("AS");
        var first = Entry(at, target);
        await AppendAsync(first);
        await AppendAsync(first with { Status = 500, Actor = "intruder" });

        var log = fixture.Grains.GetGrain<IAuditLogGrain>(AuditKeys.LogOf(first));
        await fixture.Cluster.DeactivateAsync(log);

        var page = await ReadAsync(new AuditQuery(at, at.AddMinutes(1), null, null, target, null, 10, null));
        Assert.Equal(first, Assert.Single(page.Entries));
    }
}

/// <summary>The GDPR erase of a customer on the grains: personal data leaves the customer and the caller-id index, ids
/// and cases stay, a repeat is a no-op, and it holds after deactivation.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CustomerErasureTests(ClusterFixture fixture)
{
    [Fact]
    public async Task EraseRemovesTheNamePhonesAndEmailsFromTheCustomerAndTheCallerIdIndex()
    {
        var region = fixture.NewRegion();
        var id = Scenario.NewId("C");
        var phone = $"+86137{Random.Shared.Next(10_000_000, 99_999_999)}";
        var customer = fixture.Grains.GetGrain<ICustomerGrain>(id);
        Assert.True((await customer.RegisterAsync(new RegisterCustomerRequest("Zhao Min", [phone], ["zhao.min@example.com"], region,
            CustomerTier.Standard, "zh-CN") { RequestHash = "h" })).IsSuccess);
        await customer.AddDeviceAsync("SN-ERASE-1");

        var erasure = await customer.EraseAsync();

        Assert.NotNull(erasure);
        Assert.False(erasure.AlreadyErased);
        Assert.True(erasure.Name);
        Assert.Equal(1, erasure.Phones);
        Assert.Equal(1, erasure.Emails);
        Assert.Empty(await fixture.Grains.GetGrain<IPhoneIndexGrain>(CustomerKeys.PhoneIndex(phone)).GetCustomerIdsAsync());

        await fixture.Cluster.DeactivateAsync(customer);
        var after = await customer.GetAsync();
        Assert.NotNull(after);
        Assert.Equal(erasure.ErasedAt, after.ErasedAt);
        Assert.Equal("", after.Name);
        Assert.Empty(after.Phones);
        Assert.Empty(after.Emails);
        Assert.Equal("SN-ERASE-1", Assert.Single(after.Devices));
        Assert.Equal(region, after.Region);

        var again = await customer.EraseAsync();
        Assert.Equal(new CustomerErasure(id, erasure.ErasedAt, true, false, 0, 0, 0), again);
        Assert.Null(await fixture.Grains.GetGrain<ICustomerGrain>(Scenario.NewId("C")).EraseAsync());
    }
}
