using System.Collections.Immutable;
using AfterSales.Common;
using AfterSales.Domain.Surveys;

namespace AfterSales.Surveys;

/// <summary>Counts the survey facts of one dimension key, month and shard: each fact a row keyed by survey id and kind,
/// the day totals in the record, one write per change.</summary>
/// <remarks>Awaits no grain; surveys await it. A fact already held is not counted again and not written, so a retry, a
/// reminder's re-report or a case's check costs a read of memory.</remarks>
internal sealed class SurveyResultsShardGrain(
    [PersistentState("surveyResults", StorageNames.Main)] IPersistentState<SurveyResultsShardState> state)
    : Grain, ISurveyResultsShardGrain
{
    private SurveyResultsShardState S => state.State;

    public async Task RecordAsync(ImmutableArray<SurveyFact> facts)
    {
        var changed = false;
        foreach (var fact in facts.IsDefault ? [] : facts)
        {
            var key = SurveyResultKeys.FactKey(fact.SurveyId, fact.Kind);
            if (S.Facts.TryGetValue(key, out var held))
            {
                if (held == fact)
                {
                    continue;
                }
                Count(held, -1);
            }
            S.Facts.Set(key, fact);
            Count(fact, 1);
            changed = true;
        }
        if (changed)
        {
            await state.WriteOrResetAsync(this);
        }
    }

    public async Task ForgetAsync(Guid surveyId)
    {
        var changed = false;
        foreach (var kind in new[] { SurveyFactKind.Issued, SurveyFactKind.Responded })
        {
            var key = SurveyResultKeys.FactKey(surveyId, kind);
            if (S.Facts.TryGetValue(key, out var held))
            {
                S.Facts.Remove(key);
                Count(held, -1);
                changed = true;
            }
        }
        if (changed)
        {
            await state.WriteOrResetAsync(this);
        }
    }

    public Task<ImmutableArray<SurveyTotals>> GetDaysAsync(DateOnly from, DateOnly to) => Task.FromResult<ImmutableArray<SurveyTotals>>(
        [.. S.Days.Values.Where(d => d.Day >= from && d.Day <= to).OrderBy(d => d.Day)]);

    private void Count(SurveyFact fact, int sign)
    {
        var day = fact.Day.DayNumber;
        var totals = SurveyMath.Apply(S.Days.TryGetValue(day, out var held) ? held : SurveyMath.Empty(fact.Day), fact, sign);
        if (totals.Issued == 0 && totals.Responses == 0)
        {
            S.Days.Remove(day);
        }
        else
        {
            S.Days[day] = totals;
        }
    }
}
