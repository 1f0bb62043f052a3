using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Hosting;
using AfterSales.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AfterSales.Tests.Unit.Hosting;

public sealed class RoutingOptionsTests
{
    private static (RoutingOptions Routing, AfterSalesOptions AfterSales) Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddAfterSalesGrains(configuration).BuildServiceProvider();
        return (services.GetRequiredService<IOptions<RoutingOptions>>().Value, services.GetRequiredService<IOptions<AfterSalesOptions>>().Value);
    }

    [Fact]
    public void AConfiguredRoutingSectionBecomesTheFirstPolicy()
    {
        var (routing, afterSales) = Bind(new()
        {
            ["AfterSales:Routing:Rules:0:Id"] = "hx-hydraulics",
            ["AfterSales:Routing:Rules:0:CaseType"] = "fault",
            ["AfterSales:Routing:Rules:0:DeviceModel"] = "HX-200",
            ["AfterSales:Routing:Rules:0:Category"] = "hydraulics",
            ["AfterSales:Routing:Rules:0:Required:0:Name"] = "hydraulics",
            ["AfterSales:Routing:Rules:0:Required:0:MinLevel"] = "3",
            ["AfterSales:Routing:Weights:fault"] = "4",
            ["AfterSales:Routing:DefaultStrategy"] = "roundRobin",
            ["AfterSales:Routing:Strategies:0:Department"] = "maintenance",
            ["AfterSales:Routing:Strategies:0:Region"] = "east",
            ["AfterSales:Routing:Strategies:0:Strategy"] = "bestSkillMatch",
            ["AfterSales:Routing:Neighbours:east:0"] = "west",
            ["AfterSales:Routing:RelaxationDelay"] = "00:15:00",
        });

        var (policy, failures) = RoutingOptionsReader.Read(routing, afterSales.Regions, DateTimeOffset.UnixEpoch);

        Assert.Empty(failures);
        var rule = Assert.Single(policy.Rules);
        Assert.Equal(("hx-hydraulics", CaseType.Fault, "HX-200", "hydraulics"), (rule.Id, rule.CaseType!.Value, rule.DeviceModel, rule.Category));
        Assert.Equal([new SkillRequirement("hydraulics", 3)], rule.Required.ToArray());
        Assert.Equal(4, policy.Weights.Single(w => w.Type == CaseType.Fault).Weight);
        Assert.Equal(3, policy.Weights.Single(w => w.Type == CaseType.Maintenance).Weight);
        Assert.Equal(RoutingStrategy.RoundRobin, policy.DefaultStrategy);
        Assert.Equal(new DepartmentStrategy(Department.Maintenance, "east", RoutingStrategy.BestSkillMatch), Assert.Single(policy.Strategies));
        Assert.Equal(["west"], Assert.Single(policy.Neighbours).Neighbours.ToArray());
        Assert.Equal((TimeSpan.FromMinutes(15), 1), (policy.RelaxationDelay, policy.Version));
    }

    [Fact]
    public void AnInvalidRoutingSectionIsRefusedWithEveryProblemNamed()
    {
        var exception = Assert.Throws<OptionsValidationException>(() => Bind(new()
        {
            ["AfterSales:Routing:Rules:0:Id"] = "r",
            ["AfterSales:Routing:Rules:0:CaseType"] = "repair",
            ["AfterSales:Routing:Rules:0:Required:0:Name"] = "hydraulics",
            ["AfterSales:Routing:Rules:0:Required:0:MinLevel"] = "7",
            ["AfterSales:Routing:Weights:visit"] = "2",
            ["AfterSales:Routing:DefaultStrategy"] = "random",
            ["AfterSales:Routing:Neighbours:east:0"] = "mars",
        }).Routing);

        Assert.Equal(
            [
                "AfterSales:Routing:Rules:0:CaseType 'repair' is not a case type (consultation, fault, complaint, installation, maintenance, problem).",
                "AfterSales:Routing:Weights:visit is not a case type (consultation, fault, complaint, installation, maintenance, problem).",
                "AfterSales:Routing:DefaultStrategy 'random' is not a strategy (leastLoaded, roundRobin, bestSkillMatch).",
                "AfterSales:Routing: rules[0].required[0].minLevel: A minimum level is between 1 and 5.",
                "AfterSales:Routing: neighbours[0].neighbours[0]: Region 'mars' is not served; served regions: east, west, north, south.",
            ],
            exception.Failures);
    }

    [Fact]
    public void RegionTimeZonesMustNameServedRegionsAndKnownZones()
    {
        var exception = Assert.Throws<OptionsValidationException>(() => Bind(new()
        {
            ["AfterSales:RegionTimeZones:east"] = "Asia/Shanghai",
            ["AfterSales:RegionTimeZones:mars"] = "Europe/Berlin",
            ["AfterSales:RegionTimeZones:west"] = "Middle/Earth",
        }).AfterSales);

        Assert.Equal(
            [
                "AfterSales:RegionTimeZones names region 'mars', which is not in AfterSales:Regions.",
                "AfterSales:RegionTimeZones:west 'Middle/Earth' is not a known time zone (use an IANA id such as Asia/Shanghai).",
            ],
            exception.Failures);
    }

    [Fact]
    public void ShardCountsAreReadFromConfigurationAndDefaultToOne()
    {
        var (routing, afterSales) = Bind(new()
        {
            ["AfterSales:Routing:Shards:0:Department"] = "maintenance",
            ["AfterSales:Routing:Shards:0:Region"] = "east",
            ["AfterSales:Routing:Shards:0:Count"] = "3",
        });

        var shards = RoutingOptionsReader.ReadShards(routing, afterSales.Regions, []);

        Assert.Equal(3, shards.CountOf(Department.Maintenance, "east"));
        Assert.Equal(1, shards.CountOf(Department.Installation, "east"));
    }

    [Fact]
    public void AnInvalidShardsSectionIsRefusedWithEveryProblemNamed()
    {
        var exception = Assert.Throws<OptionsValidationException>(() => Bind(new()
        {
            ["AfterSales:Routing:Shards:0:Department"] = "plumbing",
            ["AfterSales:Routing:Shards:0:Count"] = "2",
            ["AfterSales:Routing:Shards:1:Department"] = "maintenance",
            ["AfterSales:Routing:Shards:1:Region"] = "atlantis",
            ["AfterSales:Routing:Shards:1:Count"] = "2",
            ["AfterSales:Routing:Shards:2:Department"] = "maintenance",
            ["AfterSales:Routing:Shards:2:Count"] = "17",
            ["AfterSales:Routing:Shards:3:Department"] = "installation",
            ["AfterSales:Routing:Shards:3:Count"] = "2",
            ["AfterSales:Routing:Shards:4:Department"] = "installation",
            ["AfterSales:Routing:Shards:4:Count"] = "4",
        }));

        Assert.Contains(exception.Failures, f => f.Contains("Shards:0:Department", StringComparison.Ordinal));
        Assert.Contains(exception.Failures, f => f.Contains("Shards:1:Region", StringComparison.Ordinal));
        Assert.Contains(exception.Failures, f => f.Contains("Shards:2:Count", StringComparison.Ordinal));
        Assert.Contains(exception.Failures, f => f.Contains("Shards:4 repeats", StringComparison.Ordinal));
        Assert.Equal(4, exception.Failures.Count());
    }
}
