using System.Data.Common;
using AfterSales.CaseList;

namespace AfterSales.Silo.Storage.CaseList;

/// <summary>How a row's <see cref="CaseKpiFacts"/> map to the case list's KPI columns (007-case-kpis.sql): instants as
/// UTC ticks, the first-visit flag as 0/1. A row whose facts are all defaults reads back with none (null).</summary>
internal static class CaseKpiColumns
{
    public static readonly string[] Names =
    [
        "first_response_ticks", "reopen_count", "visit_count", "first_visit_fixed", "visit_minutes", "last_visit_ticks",
        "response_breach_ticks", "resolution_breach_ticks", "survey_answers", "survey_satisfied", "nps_promoters",
        "nps_detractors", "last_survey_ticks", "complaint_count",
    ];

    public static IEnumerable<(string Name, object? Value)> Values(CaseKpiFacts? kpi)
    {
        var k = kpi ?? CaseKpiFacts.None;
        object?[] values =
        [
            k.FirstResponseAt?.UtcTicks, k.ReopenCount, k.VisitCount, k.FirstVisitFixed ? 1 : 0, k.VisitMinutes, k.LastVisitAt?.UtcTicks,
            k.ResponseBreachedAt?.UtcTicks, k.ResolutionBreachedAt?.UtcTicks, k.SurveyAnswers, k.SurveySatisfied, k.NpsPromoters,
            k.NpsDetractors, k.LastSurveyAt?.UtcTicks, k.ComplaintCount,
        ];
        return Names.Zip(values);
    }

    /// <summary>Reads the columns of <see cref="Names"/> starting at <paramref name="offset"/>.</summary>
    public static CaseKpiFacts? Read(DbDataReader reader, int offset)
    {
        DateTimeOffset? At(int i) => reader.IsDBNull(offset + i) ? null : new DateTimeOffset(reader.GetInt64(offset + i), TimeSpan.Zero);
        int Count(int i) => reader.GetInt32(offset + i);
        var facts = new CaseKpiFacts(At(0), Count(1), Count(2), Count(3) != 0, Count(4), At(5), At(6), At(7), Count(8), Count(9),
            Count(10), Count(11), At(12), Count(13));
        return facts == CaseKpiFacts.None ? null : facts;
    }
}
