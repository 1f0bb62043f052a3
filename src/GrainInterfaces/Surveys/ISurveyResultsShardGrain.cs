using System.Collections.Immutable;

namespace AfterSales.Surveys;

/// <summary>One shard of one dimension key's survey figures for one month (key built by <c>SurveyResultKeys</c>, e.g.
/// <c>region/east/2026-11/3</c>): each fact a row, the day totals in the record.</summary>
[Alias("AfterSales.Surveys.ISurveyResultsShardGrain")]
public interface ISurveyResultsShardGrain : IGrainWithStringKey
{
    /// <summary>Counts the facts not counted yet (by survey id and kind); a repeat changes and writes nothing.</summary>
    [Alias("Record")]
    Task RecordAsync(ImmutableArray<SurveyFact> facts);

    /// <summary>Uncounts every fact of a survey that was taken back.</summary>
    [Alias("Forget")]
    Task ForgetAsync(Guid surveyId);

    /// <summary>The totals of the days from <paramref name="from"/> to <paramref name="to"/> (inclusive) that have any.</summary>
    [Alias("GetDays"), ReadOnly]
    Task<ImmutableArray<SurveyTotals>> GetDaysAsync(DateOnly from, DateOnly to);
}

/// <summary>Reads survey figures over many shards and months; a stateless worker, so no grain sees every query.</summary>
[Alias("AfterSales.Surveys.ISurveyResultsGrain")]
public interface ISurveyResultsGrain : IGrainWithIntegerKey
{
    /// <summary>The day totals of one dimension key (technician id, <c>department/region</c>, or region) from
    /// <paramref name="from"/> to <paramref name="to"/> inclusive, summed over its shards, in day order.</summary>
    [Alias("GetDays"), ReadOnly]
    Task<ImmutableArray<SurveyTotals>> GetDaysAsync(SurveyDimension dimension, string key, DateOnly from, DateOnly to);
}
