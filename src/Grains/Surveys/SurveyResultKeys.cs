using System.Globalization;
using AfterSales.Domain.Routing;

namespace AfterSales.Surveys;

/// <summary>Where survey facts are counted: one grain per dimension key, month and shard, e.g.
/// <c>region/east/2026-11/3</c>. Months bound how much one grain holds; shards (by survey id) spread a busy key's
/// responses so that no grain sees every response of a region.</summary>
internal static class SurveyResultKeys
{
    public static int ShardsOf(SurveyDimension dimension) => dimension switch
    {
        SurveyDimension.Technician => 1,
        SurveyDimension.DepartmentRegion => 4,
        _ => 8,
    };

    public static string DepartmentRegion(string department, string region) => $"{department}/{region}";

    public static string Shard(SurveyDimension dimension, string key, DateOnly month, int shard) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix(dimension)}/{key}/{month:yyyy-MM}/{shard}");

    /// <summary>The shard grain of each dimension a survey's fact counts in.</summary>
    public static IEnumerable<string> ShardsFor(SurveyIssue issue, SurveyFact fact)
    {
        if (issue.TechnicianId is { } technician)
        {
            yield return ShardOf(SurveyDimension.Technician, technician, fact);
        }
        yield return ShardOf(SurveyDimension.DepartmentRegion, DepartmentRegion(issue.Department, issue.Region), fact);
        yield return ShardOf(SurveyDimension.Region, issue.Region, fact);
    }

    /// <summary>The first day of every month from <paramref name="from"/>'s to <paramref name="to"/>'s.</summary>
    public static IEnumerable<DateOnly> Months(DateOnly from, DateOnly to)
    {
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            yield return month;
        }
    }

    public static string FactKey(Guid surveyId, SurveyFactKind kind) =>
        string.Create(CultureInfo.InvariantCulture, $"{surveyId:N}/{(kind == SurveyFactKind.Issued ? 'i' : 'r')}");

    private static string ShardOf(SurveyDimension dimension, string key, SurveyFact fact) =>
        Shard(dimension, key, fact.Day, (int)(ShardKeys.StableHash(fact.SurveyId.ToString("N")) % (uint)ShardsOf(dimension)));

    private static string Prefix(SurveyDimension dimension) => dimension switch
    {
        SurveyDimension.Technician => "technician",
        SurveyDimension.DepartmentRegion => "department",
        _ => "region",
    };
}
