namespace AfterSales.Routing;

/// <summary>How a department-region picks among the technicians eligible for a case.</summary>
[GenerateSerializer, Alias("AfterSales.RoutingStrategy")]
public enum RoutingStrategy
{
    /// <summary>Lowest load ratio; tie → idle longest; tie → technician id.</summary>
    LeastLoaded = 0,
    /// <summary>The next eligible technician after the last one chosen, in roster (id) order.</summary>
    RoundRobin = 1,
    /// <summary>Least over-qualified (sum of level − minimum over required skills), so scarce experts stay free; tie → least loaded.</summary>
    BestSkillMatch = 2,
}
