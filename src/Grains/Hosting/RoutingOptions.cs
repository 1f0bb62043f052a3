namespace AfterSales.Hosting;

/// <summary>
/// The routing policy the deployment starts with (section <c>AfterSales:Routing</c>), checked at start by
/// <see cref="RoutingOptionsValidator"/>. It seeds the routing-policy grain on its first activation only; later
/// changes go through the grain (the API) and are persisted there.
/// </summary>
public sealed class RoutingOptions
{
    public const string SectionName = "AfterSales:Routing";

    /// <summary>Skill rules. Default: none (cases need no skills).</summary>
    public List<SkillRuleOptions> Rules { get; set; } = [];

    /// <summary>Capacity units per case type (<c>consultation</c>, <c>fault</c>, …); types not listed keep their
    /// defaults: consultation 1, complaint 2, fault 2, installation 3, maintenance 3, problem 2.</summary>
    public Dictionary<string, int> Weights { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary><c>leastLoaded</c>, <c>roundRobin</c> or <c>bestSkillMatch</c>. Default <c>leastLoaded</c>.</summary>
    public string DefaultStrategy { get; set; } = "leastLoaded";

    /// <summary>Strategies of departments (in one region, or every region when Region is empty). Default: none.</summary>
    public List<DepartmentStrategyOptions> Strategies { get; set; } = [];

    /// <summary>Region → neighbour regions that take its overflow, in order of preference. Default: none.</summary>
    public Dictionary<string, List<string>> Neighbours { get; set; } = new(StringComparer.Ordinal);

    /// <summary>A queue this long offers cases to neighbour regions. Default 10.</summary>
    public int OverflowQueueLength { get; set; } = 10;

    /// <summary>A queue whose oldest case waited this long offers cases to neighbour regions. Default 5 minutes.</summary>
    public TimeSpan OverflowOldestWait { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Optional skills of a case are dropped after it waited this long in a queue. Default 10 minutes.</summary>
    public TimeSpan RelaxationDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often each silo re-reads the policy: the bound on how stale routing's view of a change made
    /// on another silo can be. Default 5 seconds (1 second to 10 minutes).</summary>
    public TimeSpan PolicyRefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Departments split into shards (static: read at start, not part of the policy). Default: none, one
    /// shard per department-region.</summary>
    public List<ShardOptions> Shards { get; set; } = [];
}

/// <summary>How many shards (1–16) a department has in one region, or in every region when Region is empty.</summary>
public sealed class ShardOptions
{
    public string Department { get; set; } = "";

    public string? Region { get; set; }

    public int Count { get; set; } = 1;
}

/// <summary>One skill rule in configuration.</summary>
public sealed class SkillRuleOptions
{
    public string Id { get; set; } = "";

    /// <summary>Case type the rule is for (<c>fault</c>, …); empty for any.</summary>
    public string? CaseType { get; set; }

    public string? DeviceModel { get; set; }

    public string? Category { get; set; }

    public List<SkillRequirementOptions> Required { get; set; } = [];

    public List<SkillRequirementOptions> Optional { get; set; } = [];
}

/// <summary>A skill at a minimum level (1–5).</summary>
public sealed class SkillRequirementOptions
{
    public string Name { get; set; } = "";

    public int MinLevel { get; set; }
}

/// <summary>The strategy of a department (slug such as <c>maintenance</c>) in a region, or every region.</summary>
public sealed class DepartmentStrategyOptions
{
    public string Department { get; set; } = "";

    public string? Region { get; set; }

    public string Strategy { get; set; } = "";
}
