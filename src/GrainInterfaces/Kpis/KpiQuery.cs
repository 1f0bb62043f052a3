using AfterSales.Common;

namespace AfterSales.Kpis;

/// <summary>How the KPI series is bucketed.</summary>
public enum KpiGrouping
{
    /// <summary>No series.</summary>
    None = 0,

    /// <summary>UTC days.</summary>
    Day = 1,

    /// <summary>ISO weeks (Monday to Sunday, UTC).</summary>
    Week = 2,
}

/// <summary>The period and scope of <c>GET /api/kpis</c>: figures over [<paramref name="From"/>, <paramref name="To"/>),
/// the backlog as of <paramref name="To"/>.</summary>
/// <param name="From">Start of the period (inclusive).</param>
/// <param name="To">End of the period (exclusive); the backlog is the cases open at this instant.</param>
/// <param name="Department">Only cases of this department, when given.</param>
/// <param name="Region">Only cases of this region, when given.</param>
/// <param name="GroupBy">The series' buckets.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Kpis.KpiQuery")]
public sealed record KpiQuery(
    [property: Id(0)] DateTimeOffset From,
    [property: Id(1)] DateTimeOffset To,
    [property: Id(2)] Department? Department = null,
    [property: Id(3)] string? Region = null,
    [property: Id(4)] KpiGrouping GroupBy = KpiGrouping.None);
