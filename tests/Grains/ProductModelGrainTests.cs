using AfterSales.Common;
using AfterSales.Models;
using AfterSales.Routing;
using AfterSales.Tests.Grains.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Tests.Grains;

[Collection(ClusterCollection.Name)]
public sealed class ProductModelGrainTests(ClusterFixture fixture)
{
    private IProductModelGrain Model(string code) => fixture.Grains.GetGrain<IProductModelGrain>(code);

    private static DefineProductModelRequest Definition(string name = "Heat pump", int? expectedVersion = null) => new(
        name, [new SkillRequirement("hydraulics", 3)], [], [], [], [new FaultCode("E42", "Low pressure", [])], 24, "admin", expectedVersion);

    [Fact]
    public async Task AModelIsDefinedReadAndReplacedWithANewVersion()
    {
        var code = Scenario.NewId("M");

        var created = await Model(code).DefineAsync(Definition(expectedVersion: 0));
        var replaced = await Model(code).DefineAsync(Definition("Heat pump II", expectedVersion: 1));

        Assert.Equal((code, 1), (created.Value!.Code, created.Value.Version));
        Assert.Equal(("Heat pump II", 2), (replaced.Value!.Name, replaced.Value.Version));
        var read = await Model(code).GetAsync();
        Assert.Equal(("Heat pump II", 2, created.Value.CreatedAt), (read!.Name, read.Version, read.CreatedAt));
    }

    [Fact]
    public async Task AStaleVersionOrACreateOverAnExistingModelIsRefusedAndChangesNothing()
    {
        var code = Scenario.NewId("M");
        await Model(code).DefineAsync(Definition());

        var stale = await Model(code).DefineAsync(Definition("Other", expectedVersion: 7));
        var createOnly = await Model(code).DefineAsync(Definition("Other", expectedVersion: 0));

        Assert.Equal(ErrorKind.PreconditionFailed, stale.Error?.Kind);
        Assert.Equal(ErrorKind.PreconditionFailed, createOnly.Error?.Kind);
        Assert.Equal(("Heat pump", 1), ((await Model(code).GetAsync())!.Name, (await Model(code).GetAsync())!.Version));
    }

    [Fact]
    public async Task AnInvalidDefinitionIsRefusedOnItsFieldAndStoresNothing()
    {
        var code = Scenario.NewId("M");

        var result = await Model(code).DefineAsync(Definition() with { WarrantyMonths = 121 });

        Assert.Equal((ErrorKind.Validation, "warrantyMonths"), (result.Error?.Kind, result.Error?.Field));
        Assert.Null(await Model(code).GetAsync());
    }

    [Fact]
    public async Task ASupervisorAddsASolutionAndResolutionsCountItsUses()
    {
        var code = Scenario.NewId("M");
        await Model(code).DefineAsync(Definition());

        var added = await Model(code).AddSolutionAsync(new AddSolutionRequest("e42", "Bleed the circuit.", "supervisor-1", "AS-2026-000042"));
        var again = await Model(code).AddSolutionAsync(new AddSolutionRequest("E42", "Bleed the circuit.", "supervisor-1", "AS-2026-000042"));
        // One-way by design (a resolution never waits for the count).
        var used = fixture.Calls.Handled<string>(Model(code), nameof(IProductModelGrain.OnSolutionUsedAsync), id => id == added.Value!.Id);
        var unknown = fixture.Calls.Handled<string>(Model(code), nameof(IProductModelGrain.OnSolutionUsedAsync), id => id == "unknown");
        await Model(code).OnSolutionUsedAsync(added.Value!.Id);
        await Model(code).OnSolutionUsedAsync("unknown");
        await Task.WhenAll(used, unknown);

        Assert.Equal("E42-1", added.Value.Id);
        Assert.True(again.Replayed);
        var counted = await Model(code).GetAsync();
        var solution = Assert.Single(counted!.FaultCodes[0].Solutions);
        Assert.Equal(("supervisor-1", "AS-2026-000042", 1), (solution.AddedBy, solution.SourceCase, solution.TimesUsed));
    }

    [Fact]
    public async Task ASolutionForAnUnknownModelOrFaultCodeIsNotFound()
    {
        var code = Scenario.NewId("M");
        var missing = await Model(code).AddSolutionAsync(new AddSolutionRequest("E42", "x", "s"));
        await Model(code).DefineAsync(Definition());

        var unknownCode = await Model(code).AddSolutionAsync(new AddSolutionRequest("E99", "x", "s"));

        Assert.Equal(ErrorKind.NotFound, missing.Error?.Kind);
        Assert.Equal((ErrorKind.NotFound, "faultCode"), (unknownCode.Error?.Kind, unknownCode.Error?.Field));
    }

    [Fact]
    public async Task TheCatalogueListsDefinedModelsInCodeOrderPageByPage()
    {
        var prefix = Scenario.NewId("CAT");
        foreach (var suffix in new[] { "b", "a", "c" })
        {
            await Model($"{prefix}-{suffix}").DefineAsync(Definition($"Model {suffix}"));
        }
        await Model($"{prefix}-a").DefineAsync(Definition("Model a, renamed"));
        var catalogue = fixture.Grains.GetGrain<IProductModelCatalogGrain>(IProductModelCatalogGrain.Key);

        var first = await catalogue.ListAsync($"{prefix}-", 2);
        var second = await catalogue.ListAsync(first.Models[^1].Code, 2);

        Assert.Equal([($"{prefix}-a", "Model a, renamed", 2), ($"{prefix}-b", "Model b", 1)], first.Models.Select(m => (m.Code, m.Name, m.Version)));
        Assert.True(first.HasMore);
        Assert.Equal($"{prefix}-c", second.Models[0].Code);
    }

    [Fact]
    public async Task AfterARefreshEverySiloReadsTheNewDefinitionAndAnUndefinedModelReadsAsNull()
    {
        var code = Scenario.NewId("M");
        await Model(code).DefineAsync(Definition());
        await fixture.RefreshModelAsync(code);

        await Model(code).DefineAsync(Definition("Heat pump II"));
        await fixture.RefreshModelAsync(code);

        foreach (var silo in fixture.Cluster.Silos)
        {
            var cache = silo.SiloHost.Services.GetRequiredService<ProductModelCache>();
            Assert.Equal("Heat pump II", (await cache.GetAsync(code))!.Name);
        }
        Assert.Null(await fixture.Cluster.Silos[0].SiloHost.Services.GetRequiredService<ProductModelCache>().GetAsync(Scenario.NewId("M")));
    }
}
