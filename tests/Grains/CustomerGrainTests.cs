using AfterSales.Common;
using AfterSales.Customers;
using AfterSales.Devices;
using AfterSales.Tests.Grains.Infrastructure;

namespace AfterSales.Tests.Grains;

[Collection(ClusterCollection.Name)]
public sealed class CustomerGrainTests(ClusterFixture fixture)
{
    private static RegisterCustomerRequest Request(string region, string phone) =>
        new("Li Wei", [phone], ["li.wei@example.com"], region, CustomerTier.Gold, "zh-CN")
        {
            IdempotencyKey = "key-1",
            RequestHash = "hash-1",
        };

    [Fact]
    public async Task RegisteringACustomerStoresItAndIndexesItsPhones()
    {
        var region = fixture.NewRegion();
        var id = Scenario.NewId("C");
        var phone = $"+86138{Random.Shared.Next(10_000_000, 99_999_999)}";

        var result = await fixture.Grains.GetGrain<ICustomerGrain>(id).RegisterAsync(Request(region, phone));

        Assert.True(result.IsSuccess);
        Assert.False(result.Replayed);
        Assert.Equal(id, result.Value!.Id);
        Assert.Equal(region, result.Value.Region);
        Assert.Equal(CustomerTier.Gold, result.Value.Tier);
        Assert.Equal(1, result.Value.Version);
        Assert.Equal(new[] { id }, await fixture.Grains.GetGrain<IPhoneIndexGrain>(CustomerKeys.PhoneIndex(phone)).GetCustomerIdsAsync());
        SameAs.Expected(result.Value, await fixture.Grains.GetGrain<ICustomerGrain>(id).GetAsync());
    }

    [Fact]
    public async Task TheSameRequestAgainIsAReplayOfTheOriginal()
    {
        var region = fixture.NewRegion();
        var grain = fixture.Grains.GetGrain<ICustomerGrain>(Scenario.NewId("C"));
        var first = await grain.RegisterAsync(Request(region, "+8613800000001"));

        var second = await grain.RegisterAsync(Request(region, "+8613800000001"));

        Assert.True(second.IsSuccess);
        Assert.True(second.Replayed);
        SameAs.Expected(first.Value, second.Value);
    }

    [Fact]
    public async Task ADifferentRequestForAnExistingIdIsAConflict()
    {
        var region = fixture.NewRegion();
        var id = Scenario.NewId("C");
        var grain = fixture.Grains.GetGrain<ICustomerGrain>(id);
        await grain.RegisterAsync(Request(region, "+8613800000002"));

        var again = await grain.RegisterAsync(Request(region, "+8613800000002") with { Name = "Wang Fang", RequestHash = "hash-2" });

        Assert.Equal(ErrorKind.Conflict, again.Error?.Kind);
        Assert.Equal($"Customer {id} already exists.", again.Error?.Message);
        Assert.Equal("Li Wei", (await grain.GetAsync())?.Name);
    }

    [Fact]
    public async Task APhoneSharedByTwoCustomersListsBothInRegistrationOrder()
    {
        var scenario = new Scenario(fixture);
        var phone = $"+86139{Random.Shared.Next(10_000_000, 99_999_999)}";

        var first = await scenario.CustomerAsync(phone: phone);
        var second = await scenario.CustomerAsync(phone: phone);

        Assert.Equal(new[] { first.Id, second.Id }, await fixture.Grains.GetGrain<IPhoneIndexGrain>(CustomerKeys.PhoneIndex(phone)).GetCustomerIdsAsync());
    }

    [Fact]
    public async Task ACustomerInARegionThatIsNotServedIsRejected()
    {
        var result = await fixture.Grains.GetGrain<ICustomerGrain>(Scenario.NewId("C")).RegisterAsync(Request("atlantis", "+8613800000003"));

        Assert.Equal(ErrorKind.Validation, result.Error?.Kind);
        Assert.Equal("region", result.Error?.Field);
    }

    [Fact]
    public async Task TheRecentCaseListKeepsTheTwentyNewestNewestFirstAndUpdatesInPlace()
    {
        var scenario = new Scenario(fixture);
        var customer = await scenario.CustomerAsync();
        var grain = fixture.Grains.GetGrain<ICustomerGrain>(customer.Id);
        var t0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 1; i <= 25; i++)
        {
            await grain.RecordCaseAsync(new CaseSummary(
                $"AS-2026-{i:D6}", Cases.CaseType.Fault, Cases.CasePriority.Normal, Cases.CaseStatus.New, "s", t0.AddMinutes(i), t0.AddMinutes(i), null));
        }
        await grain.RecordCaseAsync(new CaseSummary(
            "AS-2026-000020", Cases.CaseType.Fault, Cases.CasePriority.Normal, Cases.CaseStatus.Resolved, "s", t0.AddMinutes(20), t0.AddHours(5), "T-1"));

        var recent = await grain.GetRecentCasesAsync();

        Assert.Equal(CustomerGrain.MaxRecentCases, recent.Length);
        Assert.Equal("AS-2026-000025", recent[0].Number);
        Assert.Equal("AS-2026-000006", recent[^1].Number);
        Assert.Equal(Cases.CaseStatus.Resolved, recent.Single(c => c.Number == "AS-2026-000020").Status);
    }

    [Fact]
    public async Task ADeviceCannotBeRegisteredToACustomerThatDoesNotExist()
    {
        var serial = Scenario.NewId("SN");
        var missing = Scenario.NewId("C");

        var result = await fixture.Grains.GetGrain<IDeviceGrain>(serial)
            .RegisterAsync(new RegisterDeviceRequest("HX-200", missing, null, null, null));

        Assert.Equal(ErrorKind.NotFound, result.Error?.Kind);
        Assert.Equal("customerId", result.Error?.Field);
        Assert.Null(await fixture.Grains.GetGrain<IDeviceGrain>(serial).GetAsync());
    }

    [Fact]
    public async Task ARegisteredDeviceIsListedByItsOwnerAndIsInServiceWhenInstalled()
    {
        var scenario = new Scenario(fixture);
        var customer = await scenario.CustomerAsync();
        var installed = Scenario.NewId("SN");
        var boxed = Scenario.NewId("SN");
        var model = (await scenario.ModelAsync()).Code;

        var a = await fixture.Grains.GetGrain<IDeviceGrain>(installed).RegisterAsync(
            new RegisterDeviceRequest(model, customer.Id, "Plant 3", new DateOnly(2026, 1, 10), new DateOnly(2028, 1, 10)));
        var b = await fixture.Grains.GetGrain<IDeviceGrain>(boxed).RegisterAsync(
            new RegisterDeviceRequest(model, customer.Id, null, null, null));

        Assert.Equal(DeviceStatus.InService, a.Value?.Status);
        Assert.Equal(DeviceStatus.Shipped, b.Value?.Status);
        Assert.Equal(new[] { installed, boxed }, (await fixture.Grains.GetGrain<ICustomerGrain>(customer.Id).GetAsync())!.Devices);
    }

    [Fact]
    public async Task RegisteringADeviceTwiceReplaysTheSameRequestAndRefusesAnother()
    {
        var scenario = new Scenario(fixture);
        var customer = await scenario.CustomerAsync();
        var device = fixture.Grains.GetGrain<IDeviceGrain>(Scenario.NewId("SN"));
        var request = new RegisterDeviceRequest((await scenario.ModelAsync()).Code, customer.Id, null, null, null) { RequestHash = "h1" };
        var first = await device.RegisterAsync(request);

        var replay = await device.RegisterAsync(request);
        var other = await device.RegisterAsync(request with { Model = "HX-300", RequestHash = "h2" });

        Assert.True(replay.Replayed);
        Assert.Equal(first.Value, replay.Value);
        Assert.Equal(ErrorKind.Conflict, other.Error?.Kind);
    }
}
